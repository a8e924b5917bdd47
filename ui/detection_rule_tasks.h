// The detection-rule editor's store work, run off the GUI thread: plain C++ over the core's
// insights layer (rule_set.h, detection_store.h, rule_dry_run.h: what `statetrace-cli rules`
// calls). Each task opens its own connection and returns a value safe to hand to the GUI.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "insights/detection_store.h"
#include "rules/json_locate.h"

namespace st::ui {

// One detection rule in force (shipped, pack or user, the store's settings applied).
struct DetectionRuleRow {
  std::string id;
  std::string origin;  // shipped, pack, user
  int version = 1;
  bool enabled = true;
  std::string severity;
  std::string title;
  std::string condition;  // events, objects, diff, ...
  std::map<std::string, double> params;    // in force: the rule's own, overridden by the store's
  std::map<std::string, double> defaults;  // the rule's own (its JSON's /params)
  std::string text;                        // the rule's JSON as written, indented
};

// A stored run a rule can be tried on.
struct DetectionRunChoice {
  RunId run;
  std::string label;  // "run 2 · campus-hq · 2026-11-25 10:30"
};

struct DetectionCatalog {
  std::shared_ptr<const std::vector<DetectionRuleRow>> rules;  // null when `error` is set
  std::vector<DetectionRunChoice> runs;                        // newest first
  std::vector<std::string> problems;                           // stored rules that do not load
  std::optional<Error> error;
};

struct DetectionHistory {
  std::string rule_id;
  std::shared_ptr<const std::vector<insights::StoredRule>> versions;  // newest first; empty: never saved
  std::optional<Error> error;
};

// The answer to save, rollback, enable and threshold changes: what happened, in a sentence.
struct DetectionChange {
  std::string rule_id;
  int version = 0;  // the version now current (save, rollback)
  std::string message;
  std::optional<Error> error;
};

// A finding of the preview, copied out of the core's Finding (whose rule pointer the
// preview's compiled rules own).
struct DetectionFindingRow {
  std::string device;
  std::string objects;  // comma-separated
  std::size_t evidence_count = 0;
  std::string summary;
};

// A problem with the rule text: JSON syntax (at the byte where parsing stopped) or a load
// error naming a JSON pointer (at that member's value).
struct DetectionRuleProblem {
  std::string message;
  std::string pointer;                  // "" for a JSON syntax error
  std::optional<rules::TextSpan> at;    // bytes in the rule text
  std::optional<rules::TextPosition> position;  // line and column of `at`
};

struct DetectionPreviewInput {
  std::filesystem::path store_path;
  std::string rule_text;
  RunId run;
};

struct DetectionPreviewReport {
  bool loaded = false;  // the text is a valid rule
  std::string rule_id;
  RunId run;
  std::vector<DetectionFindingRow> findings;
  std::vector<DetectionRuleProblem> problems;
  std::optional<Error> error;  // the store could not be read (not a problem with the rule)
  double load_ms = 0, read_ms = 0, evaluate_ms = 0;
};

DetectionCatalog load_detection_catalog(const std::filesystem::path& store_path);
DetectionHistory load_detection_history(const std::filesystem::path& store_path, std::string rule_id);
// Saves the text as a new user version (validated first, as `rules save` does).
DetectionChange save_detection_rule(const std::filesystem::path& store_path, std::string rule_text);
// Saves user version `version` again as the newest (`rules rollback`).
DetectionChange rollback_detection_rule(const std::filesystem::path& store_path, std::string rule_id, int version);
DetectionChange set_detection_rule_enabled(const std::filesystem::path& store_path, std::string rule_id, bool enabled);
DetectionChange set_detection_rule_param(const std::filesystem::path& store_path, std::string rule_id, std::string name,
                                         double value);
// Writes `rule_ids` (none: every pack and user rule) into a rule pack file named after its
// stem, each with the thresholds in force (insights::detection_rules_for_pack, as `rules export`).
DetectionChange export_detection_pack(const std::filesystem::path& store_path, std::vector<std::string> rule_ids,
                                      std::filesystem::path pack);
// The rule as written, with the store's threshold overrides, dry-run on a stored run.
DetectionPreviewReport preview_detection_rule(const DetectionPreviewInput& input);

}  // namespace st::ui
