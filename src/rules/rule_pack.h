// Rule packs: a set of rules in one JSON file (rules/schemas/pack.schema.json) with the
// pack's name, version and author, and per rule its samples, expected records and a sha256
// of its canonical JSON. Reading a pack checks everything (schema, checksums, each rule's
// schema and self-test) before the caller changes anything.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "rules/rule_loader.h"

namespace st::rules {

struct PackInfo {
  std::string name;
  std::string version;
  std::string author;
  std::string description;
};

// "sha256:<hex>" of the rule's JSON as dumped without spaces, keys in their order.
std::string rule_checksum(const nlohmann::ordered_json& rule);

// The rule's JSON with a named TextFSM template replaced by its text ("inline"), so the rule
// stands alone in the store or a pack. `template_dir` is searched before the embedded ones.
Result<nlohmann::ordered_json> with_inlined_template(const nlohmann::ordered_json& rule,
                                                     const std::filesystem::path& template_dir = {});

// `detection_rules` (src/insights/) travel in the same pack, under "detection_rules".
nlohmann::ordered_json export_pack(const PackInfo& info, const std::vector<nlohmann::ordered_json>& rules,
                                   const std::vector<nlohmann::ordered_json>& detection_rules = {});

struct Pack {
  PackInfo info;
  std::vector<LoadedRule> rules;  // loaded and self-tested, origin Pack
  // Checksums and schema checked here; the detection layer loads them (insights/detection_pack.h).
  std::vector<nlohmann::json> detection_rules;
};

// Every problem found is reported (pointers into the pack: /rules/3/rule/regex/patterns/0).
Result<Pack> read_pack(std::string_view text, const std::string& source);

}  // namespace st::rules
