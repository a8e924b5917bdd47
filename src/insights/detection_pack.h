// Detection rules in rule packs (rules/schemas/pack.schema.json, "detection_rules"): exported
// beside parser rules, imported in the same transaction as the pack's parser rules.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "store/database.h"

namespace st::insights {

// Loads every rule first (an invalid one imports nothing), then saves each whose text differs
// from its active stored version as a new `pack` version. Returns (rule id, version) saved.
Result<std::vector<std::pair<std::string, std::int64_t>>> import_detection_rules(store::Database& db,
                                                                                   const std::vector<nlohmann::json>& rules,
                                                                                   const std::string& pack);

}  // namespace st::insights
