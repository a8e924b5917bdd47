// The store's user and pack rules as the rules layer uses them: loaded and self-tested
// from their stored text, and the parser registry every ingest runs with (built-ins,
// shipped rules, then the store's rules at their precedence). The CLI and the GUI both
// call these, so an ingest parses the same way from either face.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "parse/parser_registry.h"
#include "rules/rule_set.h"
#include "store/database.h"
#include "store/rule_store.h"

namespace st::rules {

// `pack` for rules imported from a pack, else `user`.
parse::ParserOrigin origin_of(const store::StoredRule& stored);

// The store's current rules, loaded and self-tested. A rule that no longer loads is an
// error naming it: it was checked when saved, so the program changed under it.
Result<RuleSet> stored_rules(store::Database& db);

// Built-ins, shipped rules and the store's rules: the registry of `statetrace-cli ingest`
// and of the GUI's ingests (a template folder is added by IngestOptions::templates).
Result<parse::ParserRegistry> registry_for_ingest(store::Database& db);

// Every rule that can be named: the store's current ones (user, pack), then the shipped
// ones (including those kept disabled). A stored rule with a shipped rule's id shadows it.
// `db` may be null (no store yet).
Result<RuleSet> known_rules(store::Database* db);

struct SavedRule {
  std::string rule_id;
  std::int64_t version = 0;
  bool unchanged = false;  // the current version has this text already: nothing written
};

// `statetrace-cli parsers save`: loads and self-tests `rule_text`, inlines a template it
// names (looked up in `template_dir` first) so the stored rule stands alone, and saves it
// as a new version unless the current version is the same text. One transaction.
Result<SavedRule> save_rule_text(store::Database& db, std::string_view rule_text, const std::string& source,
                                 const std::filesystem::path& template_dir = {}, const std::string& note = "saved");

// `statetrace-cli parsers rollback`: version `version` must still load and pass its samples;
// its text is saved again as a new version, whose number is returned. One transaction.
Result<std::int64_t> rollback_rule_checked(store::Database& db, const std::string& rule_id, std::int64_t version);

struct ImportConflict {
  std::string rule_id;
  std::int64_t stored_version = 0;
  std::string stored_origin;
  std::optional<std::string> stored_pack;
};

struct ImportReport {
  std::string pack;  // "name@version"
  std::vector<std::pair<std::string, std::int64_t>> imported;  // rule id, new version
  std::vector<std::pair<std::string, std::int64_t>> detection_imported;  // detection rule id, new version
  std::vector<std::string> unchanged;
  std::vector<ImportConflict> conflicts;  // stored rules with the same id and other text
  bool written = false;  // false: conflicts without `replace`, nothing was imported
};

// `statetrace-cli parsers import`: the pack is checked whole (schema, checksums, each rule's
// schema and samples) before anything is written; conflicts stop it unless `replace`, which
// saves the pack's rules as new versions noted with the pack. One transaction.
// Detection rules in the pack are handed to `detection` (insights/detection_pack.h) inside the
// same transaction, after everything was checked; without it a pack holding some is refused.
using DetectionImport = std::function<Result<std::vector<std::pair<std::string, std::int64_t>>>(
    store::Database&, const std::vector<nlohmann::json>& rules, const std::string& pack)>;
Result<ImportReport> import_pack_text(store::Database& db, std::string_view pack_text, const std::string& source,
                                      bool replace, const DetectionImport& detection = {});

}  // namespace st::rules
