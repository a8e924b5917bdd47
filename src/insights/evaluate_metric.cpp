// A per device per run metric (metrics/, stored at ingest) against a threshold.
#include "insights/condition_evaluators.h"

namespace st::insights {

Result<void> evaluate_metric(const CompiledRules::Entry& entry, const MetricCondition& c, RunContext& ctx,
                             const RunDevice& device, std::vector<Finding>& out) {
  ST_TRY(auto stmt, ctx.db().prepare("SELECT value FROM metrics WHERE run_id = ? AND device_id = ? AND metric = ?"));
  stmt.bind_all(store::SqlValue{ctx.run().value}, store::SqlValue{device.id}, store::SqlValue{std::string_view(c.name)});
  ST_TRY(bool row, stmt.step());
  if (!row) return {};
  const double v = stmt.real(0);
  bool hit = false;
  switch (c.op) {
    case CompareOp::Gt: hit = v > c.value; break;
    case CompareOp::Gte: hit = v >= c.value; break;
    case CompareOp::Lt: hit = v < c.value; break;
    case CompareOp::Lte: hit = v <= c.value; break;
    case CompareOp::Eq: hit = v == c.value; break;
    case CompareOp::Ne: hit = v != c.value; break;
    default: break;
  }
  if (!hit) return {};
  Finding f = finding_for(entry, device);
  f.value = v;
  f.count = v;
  out.push_back(std::move(f));
  return {};
}

}  // namespace st::insights
