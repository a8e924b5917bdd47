// Objects of the run that meet every condition, one finding per device listing them.
#include <algorithm>
#include <map>

#include "diff/diff_kind.h"
#include "insights/condition_evaluators.h"
#include "insights/field_match.h"

namespace st::insights {

Result<void> evaluate_objects(const CompiledRules::Entry& entry, const ObjectsCondition& c, RunContext& ctx,
                              const RunDevice& device, std::vector<Finding>& out) {
  const diff::DiffKind* kind = diff::diff_kind_by_name(c.kind);
  if (!kind) return fail(ErrorKind::Internal, "rule " + entry.rule.id + ": unknown kind " + c.kind);
  ST_TRY(auto objects, ctx.objects().read(*kind, ctx.run(), device.id));
  if (!c.only_if_any.empty()) {
    const bool any = std::any_of(objects.begin(), objects.end(), [&](const auto& o) {
      return all_match(c.only_if_any, diff::values_json(*kind, o.second));
    });
    if (!any) return {};
  }
  // The companion kind's objects by name ("interface_config:Gi1/0/5" -> "Gi1/0/5").
  const diff::DiffKind* companion = c.with ? diff::diff_kind_by_name(c.with->kind) : nullptr;
  std::map<std::string, nlohmann::json> companions;
  if (companion) {
    ST_TRY(auto loaded, ctx.objects().read(*companion, ctx.run(), device.id));
    for (const auto& [key, object] : loaded) companions[object_name(key)] = diff::values_json(*companion, object);
  }
  Finding f = finding_for(entry, device);
  for (const auto& [key, object] : objects) {
    if (!all_match(c.where, diff::values_json(*kind, object))) continue;
    if (companion) {
      auto other = companions.find(object_name(key));
      if (other == companions.end() || !all_match(c.with->where, other->second)) continue;
    }
    f.objects.push_back(object_name(key));
    if (object.source) {
      ST_TRY(auto file, ctx.file_id(ctx.run(), object.source->file));
      f.add_evidence({file, object.source->offset, object.source->length, std::nullopt});
    } else {
      ++f.evidence_count;
    }
  }
  f.count = static_cast<double>(f.objects.size());
  if (f.objects.empty() || f.count < c.min_count) return {};
  out.push_back(std::move(f));
  return {};
}

}  // namespace st::insights
