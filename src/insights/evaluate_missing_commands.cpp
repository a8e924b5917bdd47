// The recommended show commands a device's capture lacks (rules/commands/<platform>.json).
#include "insights/condition_evaluators.h"

namespace st::insights {

Result<void> evaluate_missing_commands(const CompiledRules::Entry& entry, const MissingCommandsCondition& c,
                                       RunContext& ctx, const RunDevice& device, std::vector<Finding>& out) {
  ST_TRY(const auto* coverage, ctx.coverage(device.hostname));
  if (!coverage || coverage->platform.empty()) return {};
  Finding f = finding_for(entry, device);
  for (const auto& missing : coverage->missing) {
    if (c.required_only && !missing.required) continue;
    f.objects.push_back(missing.canonical);
    f.missing_commands.push_back({missing.canonical, missing.syntax});
  }
  f.count = static_cast<double>(f.objects.size());
  if (f.objects.empty()) return {};
  out.push_back(std::move(f));
  return {};
}

}  // namespace st::insights
