#include "insights/rule_dry_run.h"

#include <chrono>
#include <utility>

#include "insights/detection_run.h"
#include "insights/run_context.h"
#include "insights/stored_events.h"

namespace st::insights {

Result<RuleDryRun> dry_run_rule(store::Database& db, const DetectionRuleSet& set, const std::string& rule_id, RunId run) {
  using Clock = std::chrono::steady_clock;
  RuleDryRun out;
  out.rule_id = rule_id;
  out.run = run;
  ST_TRY(out.compiled, CompiledRules::compile(set, rule_id));
  const auto started = Clock::now();
  ST_TRY(auto events, select_stored_events(db, run, out.compiled->selectors()));
  const auto read = Clock::now();
  out.read_seconds = std::chrono::duration<double>(read - started).count();
  ST_TRY(auto ctx, RunContext::load(db, run, std::move(events)));
  ST_TRY(auto report, detect(*ctx, *out.compiled));
  out.evaluate_seconds = std::chrono::duration<double>(Clock::now() - read).count();
  out.findings = std::move(report.findings);
  return out;
}

}  // namespace st::insights
