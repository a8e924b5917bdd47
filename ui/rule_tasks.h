// The rule editor's store work, run off the GUI thread: plain C++ over the core's rules
// layer (rules/user_rules.h, the same functions `statetrace-cli parsers` calls). Each task
// opens its own connection and returns a value safe to hand to the GUI thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "store/rule_store.h"

namespace st::ui {

// One rule the editor can open: shipped ones and the store's current versions.
struct RuleListRow {
  std::string id;
  std::string kind;      // textfsm, regex, delimiter, jsonpath
  std::int64_t version = 1;
  bool enabled = true;
  std::string origin;    // shipped, user, pack
  std::string text;      // the rule's JSON, indented, a named template inlined
};

struct RuleCatalog {
  std::shared_ptr<const std::vector<RuleListRow>> rules;  // null when `error` is set
  std::optional<Error> error;
};

struct RuleHistory {
  std::string rule_id;
  std::shared_ptr<const std::vector<store::StoredRule>> versions;  // oldest first; empty: never saved
  std::optional<Error> error;
};

// The answer to save, rollback, import and export: what happened, in a sentence.
struct RuleChange {
  std::string rule_id;           // the rule concerned (save, rollback)
  std::int64_t version = 0;      // the version now current (save, rollback)
  std::string message;           // "saved lab/x version 2"
  std::optional<Error> error;
};

// A stored section a rule applies to, offered as a preview sample (its output's raw bytes).
struct StoredSample {
  std::string label;  // "HQ-B1-ACC-01 · show version · run 2"
  RunId run;
  std::string file;
  ByteRange range;  // the section, prompt line included
};

struct StoredSamples {
  std::string rule_text;  // what was asked about
  std::shared_ptr<const std::vector<StoredSample>> samples;  // null when `error` is set
  std::optional<Error> error;
};

struct SampleText {
  std::string text;
  std::optional<Error> error;
};

RuleCatalog load_rule_catalog(const std::filesystem::path& store_path);
RuleHistory load_rule_history(const std::filesystem::path& store_path, std::string rule_id);
RuleChange save_rule(const std::filesystem::path& store_path, std::string rule_text);
RuleChange rollback_rule(const std::filesystem::path& store_path, std::string rule_id, std::int64_t version);
// Imports a pack file; conflicts with stored rules refuse it unless `replace`.
RuleChange import_rule_pack(const std::filesystem::path& store_path, std::filesystem::path pack, bool replace);
// Writes `rule_ids` (shipped or stored) into a pack file named after its stem.
RuleChange export_rule_pack(const std::filesystem::path& store_path, std::vector<std::string> rule_ids,
                            std::filesystem::path pack);

// The latest snapshot's sections whose command the rule (as text; it need not pass its
// samples) applies to, at most `limit`; none when the text does not load.
StoredSamples find_stored_samples(const std::filesystem::path& store_path, std::string rule_text, std::size_t limit = 50);
// A stored section's output: its raw bytes after the prompt line.
SampleText read_stored_sample(const std::filesystem::path& store_path, const StoredSample& sample);

}  // namespace st::ui
