// Detection over one run: every compiled rule evaluated (each timed; a rule over its time
// budget is listed, and the ingest disables it for later runs, as parser rules are), then
// incident clusters, then the cards written. At ingest this runs inside the run's transaction, after the snapshots,
// diffs and metrics it reads are written.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/error.h"
#include "insights/cluster_finder.h"
#include "insights/finding.h"
#include "insights/rule_set.h"
#include "insights/run_context.h"

namespace st::insights {

struct RuleTiming {
  std::string rule_id;
  double seconds = 0;
  std::size_t findings = 0;
};

struct DetectionReport {
  std::vector<Finding> findings;  // ranked: severity, then device, then rule
  std::vector<Cluster> clusters;
  std::vector<RuleTiming> timings;
  std::vector<std::string> auto_disabled;  // rules over their time budget
  double seconds = 0;
};

// A rule taking longer than this over one run is stopped from running again (rule_settings).
inline constexpr std::chrono::milliseconds kRuleTimeBudget{5000};

Result<DetectionReport> detect(RunContext& ctx, const CompiledRules& rules);

// Writes the report's clusters and findings as the run's incident clusters and insight cards
// (replacing any the run had); a card joins a cluster of its device whose span its evidence
// overlaps.
// Returns the number of cards written.
Result<std::size_t> store_findings(store::Database& db, RunId run, const DetectionReport& report,
                                   const std::optional<std::string>& captured_at);

// Rule, site, device and objects: the same finding in any run.
std::string fingerprint_of(const Finding& finding);

}  // namespace st::insights
