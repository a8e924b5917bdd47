#include "insights/detection_pack.h"

#include <fmt/format.h>

#include "insights/detection_rule.h"
#include "insights/detection_store.h"

namespace st::insights {

Result<std::vector<std::pair<std::string, std::int64_t>>> import_detection_rules(store::Database& db,
                                                                                   const std::vector<nlohmann::json>& rules,
                                                                                   const std::string& pack) {
  std::vector<DetectionRule> loaded;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    ST_TRY(auto rule, load_detection_rule(rules[i], fmt::format("pack {} /detection_rules/{}/rule", pack, i)));
    loaded.push_back(std::move(rule));
  }
  ST_TRY(auto stored, active_stored_rules(db));
  std::vector<std::pair<std::string, std::int64_t>> saved;
  for (const auto& rule : loaded) {
    const bool same = std::any_of(stored.begin(), stored.end(), [&](const StoredRule& s) {
      return s.rule_id == rule.id && s.origin == RuleOrigin::Pack && nlohmann::json::parse(s.body) == rule.body;
    });
    if (same) continue;
    ST_TRY(int version, save_stored_rule(db, rule, RuleOrigin::Pack, pack));
    saved.emplace_back(rule.id, version);
  }
  return saved;
}

}  // namespace st::insights
