// One detection rule tried on one stored run without storing anything: the rule's events
// read back from the run's event blocks, the run's context loaded, the rule evaluated.
// The engine of `statetrace-cli rules test` and of the desktop rule editor's live preview.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "insights/finding.h"
#include "insights/rule_set.h"
#include "store/database.h"

namespace st::insights {

struct RuleDryRun {
  std::string rule_id;
  RunId run;
  std::shared_ptr<const CompiledRules> compiled;  // the findings' rule pointers point into it
  std::vector<Finding> findings;
  double read_seconds = 0;      // selecting the rule's events from the stored blocks
  double evaluate_seconds = 0;  // loading the run's context and evaluating the rule
};

// Evaluates rule `rule_id` of `set` (enabled or not) on stored run `run`.
Result<RuleDryRun> dry_run_rule(store::Database& db, const DetectionRuleSet& set, const std::string& rule_id, RunId run);

}  // namespace st::insights
