#include "insights/rule_set.h"

#include <algorithm>

#include <fmt/format.h>

#include "insights/detection_store.h"
#include "rules/embedded_rules.h"

namespace st::insights {

namespace {

Result<std::vector<DetectionRule>> load_shipped(const std::map<std::string, RuleSettings>& settings,
                                                std::vector<RuleSetProblem>& problems) {
  std::vector<DetectionRule> out;
  for (const auto& file : rules::embedded_rule_files("detect/")) {
    // A shipped rule that fails to load is a build defect the unit tests rule out: fail loudly.
    ST_TRY(auto rule, load_detection_rule_text(file.text, "rules/" + std::string(file.path)));
    if (auto s = settings.find(rule.id); s != settings.end() && !s->second.params.empty()) {
      auto with = load_detection_rule_text(file.text, "rules/" + std::string(file.path), s->second.params);
      if (with) {
        rule = std::move(*with);
      } else {
        problems.push_back({rule.id, with.error().describe()});
      }
    }
    out.push_back(std::move(rule));
  }
  return out;
}

void apply_enabled(std::vector<DetectionRule>& rules, const std::map<std::string, RuleSettings>& settings) {
  for (auto& r : rules) {
    if (auto s = settings.find(r.id); s != settings.end() && s->second.enabled) r.enabled = *s->second.enabled;
  }
}

}  // namespace

Result<DetectionRuleSet> DetectionRuleSet::shipped() {
  DetectionRuleSet set;
  ST_TRY(set.rules_, load_shipped({}, set.problems_));
  ST_TRY(set.patterns_, shipped_patterns());
  return set;
}

Result<DetectionRuleSet> DetectionRuleSet::load(store::Database& db) {
  DetectionRuleSet set;
  ST_TRY(auto settings, rule_settings(db));
  ST_TRY(set.rules_, load_shipped(settings, set.problems_));
  ST_TRY(set.patterns_, shipped_patterns());
  for (auto& p : set.patterns_) {
    if (auto s = settings.find(p.id); s != settings.end() && s->second.enabled) p.enabled = *s->second.enabled;
  }
  ST_TRY(auto stored, active_stored_rules(db));
  // Packs first, then user rules, so a user rule replaces a pack's of the same id.
  std::stable_sort(stored.begin(), stored.end(),
                   [](const StoredRule& a, const StoredRule& b) { return a.origin == RuleOrigin::Pack && b.origin == RuleOrigin::User; });
  for (const auto& s : stored) {
    std::map<std::string, double> params;
    if (auto it = settings.find(s.rule_id); it != settings.end()) params = it->second.params;
    const std::string source = fmt::format("store: {} rule '{}' version {}", to_string(s.origin), s.rule_id, s.version);
    auto rule = load_detection_rule_text(s.body, source, params);
    if (!rule && !params.empty()) rule = load_detection_rule_text(s.body, source);
    if (!rule) {
      set.problems_.push_back({s.rule_id, rule.error().describe()});
      continue;
    }
    rule->origin = s.origin;
    set.put(std::move(*rule));
  }
  apply_enabled(set.rules_, settings);
  return set;
}

const DetectionRule* DetectionRuleSet::find(std::string_view id) const {
  auto it = std::find_if(rules_.begin(), rules_.end(), [&](const DetectionRule& r) { return r.id == id; });
  return it == rules_.end() ? nullptr : &*it;
}

void DetectionRuleSet::put(DetectionRule rule) {
  auto it = std::find_if(rules_.begin(), rules_.end(), [&](const DetectionRule& r) { return r.id == rule.id; });
  if (it == rules_.end()) {
    rules_.push_back(std::move(rule));
  } else {
    *it = std::move(rule);
  }
}

Result<std::shared_ptr<const CompiledRules>> CompiledRules::compile(const DetectionRuleSet& set,
                                                                    const std::optional<std::string>& only) {
  auto compiled = std::make_shared<CompiledRules>();
  for (const auto& rule : set.rules()) {
    if (only ? rule.id != *only : !rule.enabled) continue;
    Entry e{rule, std::nullopt, std::nullopt, std::nullopt};
    if (const auto* c = std::get_if<EventsCondition>(&rule.when)) {
      ST_TRY(e.events_bit, compiled->selectors_.add(c->select));
      if (c->fallback) {
        ST_TRY(e.fallback_bit, compiled->selectors_.add(*c->fallback));
      }
    } else if (const auto* d = std::get_if<DiffCondition>(&rule.when); d && d->unless_events) {
      ST_TRY(e.unless_bit, compiled->selectors_.add(*d->unless_events));
    }
    compiled->entries_.push_back(std::move(e));
  }
  if (only && compiled->entries_.empty()) return fail(ErrorKind::NotFound, fmt::format("no detection rule '{}'", *only));
  if (!only) {
    for (const auto& pattern : set.patterns()) {
      if (!pattern.enabled) continue;
      PatternEntry e{pattern, {}};
      for (const auto& step : pattern.steps) {
        ST_TRY(auto bit, compiled->selectors_.add(step.select));
        e.step_bits.push_back(bit);
      }
      compiled->patterns_.push_back(std::move(e));
    }
  }
  return std::shared_ptr<const CompiledRules>(std::move(compiled));
}

}  // namespace st::insights
