// Operators' decisions about detection, kept in the store (migration 0010): user rules and
// imported pack rules (versioned), per rule settings (enabled, parameter overrides), false
// positive marks by finding fingerprint, and suppression windows.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "insights/detection_rule.h"
#include "store/database.h"

namespace st::insights {

struct StoredRule {
  std::string rule_id;
  int version = 0;
  RuleOrigin origin = RuleOrigin::User;
  std::optional<std::string> pack;
  std::string body;  // JSON text
  std::string saved_at, saved_by;
  bool active = true;
};

struct RuleSettings {
  std::optional<bool> enabled;  // nullopt: the rule's own flag
  std::map<std::string, double> params;
};

struct Suppression {
  std::int64_t id = 0;
  std::optional<std::string> site, device, rule_id;
  std::string starts_at, ends_at;  // UTC ISO-8601
  std::string reason, created_at, created_by;
};

// The active version of every stored rule (user and pack).
Result<std::vector<StoredRule>> active_stored_rules(store::Database& db);
// Every stored version of one rule, newest first.
Result<std::vector<StoredRule>> stored_rule_versions(store::Database& db, const std::string& rule_id);
// Saves a new version of a user (or pack) rule, already validated; returns its version.
Result<int> save_stored_rule(store::Database& db, const DetectionRule& rule, RuleOrigin origin,
                             const std::optional<std::string>& pack = std::nullopt);

Result<std::map<std::string, RuleSettings>> rule_settings(store::Database& db);
Result<void> set_rule_enabled(store::Database& db, const std::string& rule_id, bool enabled);
Result<void> set_rule_param(store::Database& db, const std::string& rule_id, const std::string& name, double value);

// Marks the finding of card `insight` (and the same finding in every other run) a false positive.
Result<void> mark_false_positive(store::Database& db, std::int64_t insight, const std::string& note);
Result<void> clear_feedback(store::Database& db, std::int64_t insight);

Result<std::int64_t> add_suppression(store::Database& db, Suppression s);
Result<std::vector<Suppression>> list_suppressions(store::Database& db);
Result<void> remove_suppression(store::Database& db, std::int64_t id);

}  // namespace st::insights
