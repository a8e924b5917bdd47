// User and pack parser rules in the store, with version history: every save is a version,
// a rollback saves an earlier version's text again (as a new version). The store keeps the
// rule JSON as text; checking it (schema, self-test) is the caller's job (src/rules/).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/database.h"

namespace st::store {

struct StoredRule {
  std::string rule_id;
  std::int64_t version = 0;
  std::string origin;  // user, pack
  std::optional<std::string> pack;
  std::string rule_json;
  std::string checksum;
  std::string saved_at;
  std::string note;
};

struct RuleSave {
  std::string rule_id;
  std::string rule_json;
  std::string origin = "user";
  std::optional<std::string> pack;
  std::string note = "saved";
};

// Saves a new version (its number is returned); in the caller's transaction if one is open.
Result<std::int64_t> save_rule_version(Database& db, const RuleSave& save);
// The current (highest) version of every rule, by rule id.
Result<std::vector<StoredRule>> current_rules(Database& db);
Result<std::optional<StoredRule>> current_rule(Database& db, const std::string& rule_id);
// Every version of one rule, oldest first.
Result<std::vector<StoredRule>> rule_history(Database& db, const std::string& rule_id);
// Saves version `version`'s text as a new version; NotFound when there is no such version.
Result<std::int64_t> rollback_rule(Database& db, const std::string& rule_id, std::int64_t version);

}  // namespace st::store
