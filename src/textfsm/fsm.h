// Runs a compiled Template over text: Python TextFSM's ParseText, on string_views, with
// one reusable MatchScratch. A Runner is cheap to keep and reuse; use one per thread.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "textfsm/pcre_pattern.h"
#include "textfsm/records.h"
#include "textfsm/template.h"

namespace st::textfsm {

struct ParseTrace {
  std::vector<std::vector<std::uint32_t>> record_lines;  // per record: input lines whose matches fed it
  std::vector<std::vector<std::uint32_t>> rule_lines;    // per rule id: input lines it matched
  std::vector<std::uint64_t> rule_tries;                 // per rule id: lines its regex ran on (after the prefilter)
};

struct ParseResult {
  Records records;
  std::uint64_t lines = 0;  // input lines read
  ParseTrace trace;         // filled when asked for
};

class Runner {
 public:
  explicit Runner(const Template& tpl);
  // Errors: the template's Error action (ErrorKind::Parse, with the rule's line and the
  // input line), or a match that PCRE2 gave up on.
  Result<ParseResult> parse(std::string_view text, bool trace = false);
  // The same into `out`, reusing its memory: for parsing many inputs in a row.
  Result<void> parse_into(std::string_view text, ParseResult& out, bool trace = false);

 private:
  const Template& tpl_;
  MatchScratch scratch_;
  MatchScratch nested_scratch_;
};

// One-shot convenience.
Result<ParseResult> parse_text(const Template& tpl, std::string_view text, bool trace = false);

}  // namespace st::textfsm
