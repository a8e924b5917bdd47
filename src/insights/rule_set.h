// The detection rules in force: shipped (rules/detect/, embedded), then pack, then user rules
// from the store, a later origin replacing an earlier rule of the same id (user > pack >
// shipped); each with the operator's settings applied (enabled flag, parameter overrides).
// A stored rule that no longer loads is reported, not fatal: the others still run.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "insights/cluster_pattern.h"
#include "insights/detection_rule.h"
#include "insights/event_selector.h"
#include "store/database.h"

namespace st::insights {

struct RuleSetProblem {
  std::string rule_id;
  std::string message;
};

class DetectionRuleSet {
 public:
  // The shipped rules only, with their own settings.
  static Result<DetectionRuleSet> shipped();
  // Shipped, pack and user rules with the store's settings.
  static Result<DetectionRuleSet> load(store::Database& db);

  const std::vector<DetectionRule>& rules() const { return rules_; }
  const std::vector<ClusterPattern>& patterns() const { return patterns_; }
  const DetectionRule* find(std::string_view id) const;
  const std::vector<RuleSetProblem>& problems() const { return problems_; }
  // Replaces (or adds) a rule: the editor's and `rules test FILE`'s unsaved version.
  void put(DetectionRule rule);

 private:
  std::vector<DetectionRule> rules_;
  std::vector<ClusterPattern> patterns_;  // shipped (rules/patterns/)
  std::vector<RuleSetProblem> problems_;
};

// The enabled rules, ready to evaluate: their event selectors in one set for the parser
// threads, and each rule's bits in it.
class CompiledRules {
 public:
  struct Entry {
    DetectionRule rule;
    std::optional<std::size_t> events_bit;    // EventsCondition's selector
    std::optional<std::size_t> unless_bit;    // DiffCondition::unless_events
    std::optional<std::size_t> fallback_bit;  // EventsCondition::fallback
  };
  struct PatternEntry {
    ClusterPattern pattern;
    std::vector<std::size_t> step_bits;  // each step's selector
  };
  // Every enabled rule and pattern of `set` (or only the rule `only` when given, enabled or not).
  static Result<std::shared_ptr<const CompiledRules>> compile(const DetectionRuleSet& set,
                                                              const std::optional<std::string>& only = std::nullopt);
  const EventSelectorSet& selectors() const { return selectors_; }
  const std::vector<Entry>& entries() const { return entries_; }
  const std::vector<PatternEntry>& patterns() const { return patterns_; }

 private:
  EventSelectorSet selectors_;
  std::vector<Entry> entries_;
  std::vector<PatternEntry> patterns_;
};

}  // namespace st::insights
