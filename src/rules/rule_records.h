// What running a rule over one section gives: records keyed by the rule's field names
// (TextFSM Value names as written), each with the input lines it matched and its byte
// range, plus warnings, timing and, when the sandbox stopped it, why.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "core/ids.h"
#include "rules/sandbox.h"

namespace st::rules {

struct RuleRecord {
  nlohmann::ordered_json row = nlohmann::ordered_json::object();
  std::vector<std::uint32_t> lines;  // 1-based input lines that fed it
  ByteRange source;                  // relative to the section's output
};

struct RuleWarning {
  std::uint32_t line = 0;  // 1-based, 0 = whole input
  ByteRange at;
  std::string message;
};

struct RuleRun {
  std::vector<RuleRecord> records;
  // TextFSM Values marked Key: what a generic record is matched by across runs (diff).
  std::vector<std::string> record_keys;
  std::vector<RuleWarning> warnings;
  std::vector<RuleWarning> errors;  // the input cannot be read this way (bad JSON, a template's Error)
  std::uint64_t lines = 0;
  double seconds = 0;
  StopReason stopped = StopReason::None;
  std::string stop_detail;  // "line 12: ..." when stopped
  bool ok() const { return stopped == StopReason::None && errors.empty(); }
};

}  // namespace st::rules
