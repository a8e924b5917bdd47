#include "insights/detection_pack.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

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

Result<std::vector<nlohmann::ordered_json>> detection_rules_for_pack(const DetectionRuleSet& set,
                                                                     const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    if (!set.find(id)) return fail(ErrorKind::NotFound, fmt::format("no detection rule '{}'", id));
  }
  std::vector<nlohmann::ordered_json> picked;
  for (const auto& rule : set.rules()) {
    const bool chosen = ids.empty() ? rule.origin != RuleOrigin::Shipped : std::find(ids.begin(), ids.end(), rule.id) != ids.end();
    if (!chosen) continue;
    auto json = nlohmann::ordered_json::parse(rule.body.dump());
    if (json.contains("params") && json["params"].is_object()) {
      for (const auto& [name, value] : rule.params) {
        if (!json["params"].contains(name)) continue;
        auto& written = json["params"][name];
        if (written.is_number() && written.get<double>() == value) continue;  // the rule's own: as written
        // A whole number stays one ("min_transitions": 8, not 8.0).
        if (std::trunc(value) == value && std::abs(value) < 9e15) written = static_cast<std::int64_t>(value);
        else written = value;
      }
    }
    picked.push_back(std::move(json));
  }
  if (picked.empty()) return fail(ErrorKind::NotFound, "no detection rules to export (save one first, or name shipped rules)");
  return picked;
}

}  // namespace st::insights
