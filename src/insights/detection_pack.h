// Detection rules in rule packs (rules/schemas/pack.schema.json, "detection_rules"): exported
// beside parser rules, imported in the same transaction as the pack's parser rules.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "insights/rule_set.h"
#include "store/database.h"

namespace st::insights {

// Loads every rule first (an invalid one imports nothing), then saves each whose text differs
// from its active stored version as a new `pack` version. Returns (rule id, version) saved.
Result<std::vector<std::pair<std::string, std::int64_t>>> import_detection_rules(store::Database& db,
                                                                                   const std::vector<nlohmann::json>& rules,
                                                                                   const std::string& pack);

// The rules of `set` to write into a pack: those named in `ids`, or when `ids` is empty every
// pack and user rule (shipped ones travel only when named). Each is its JSON as written with
// "params" holding the values in force, so thresholds tuned in this store (set_rule_param)
// travel with it; the enabled flag stays the rule's own (turning a rule off is this store's
// choice, not the rule's). An id the set does not have is NotFound; nothing picked is NotFound.
Result<std::vector<nlohmann::ordered_json>> detection_rules_for_pack(const DetectionRuleSet& set,
                                                                     const std::vector<std::string>& ids);

}  // namespace st::insights
