// Changes against each device's previous run (the stored diffs): an interface that went from
// up to admin-down with no configuration change logged, a VLAN removed while ports still use
// it, a stack member gone. One finding per device listing the changed objects.
#include <algorithm>

#include "diff/diff_kind.h"
#include "insights/condition_evaluators.h"
#include "insights/field_match.h"

namespace st::insights {

namespace {

diff::ChangeType change_type(DiffChange c) {
  switch (c) {
    case DiffChange::Added: return diff::ChangeType::Added;
    case DiffChange::Removed: return diff::ChangeType::Removed;
    case DiffChange::Changed: return diff::ChangeType::Changed;
  }
  return diff::ChangeType::Changed;
}

Result<nlohmann::json> values_in(RunContext& ctx, const diff::DiffKind& kind, RunId run, std::int64_t device,
                                 const std::string& key) {
  ST_TRY(auto object, ctx.objects().read_one(kind, run, device, key));
  return diff::values_json(kind, object);
}

// The value a referencing field must hold: the key's last part ("vlan:20" -> "20").
std::string key_value(const std::string& key) {
  auto colon = key.rfind(':');
  return colon == std::string::npos ? key : key.substr(colon + 1);
}

}  // namespace

Result<void> evaluate_diff(const CompiledRules::Entry& entry, const DiffCondition& c, RunContext& ctx,
                           const RunDevice& device, std::vector<Finding>& out) {
  if (!device.previous_run) return {};
  const diff::DiffKind* kind = diff::diff_kind_by_name(c.kind);
  if (!kind) return fail(ErrorKind::Internal, "rule " + entry.rule.id + ": unknown kind " + c.kind);
  if (entry.unless_bit) {
    const std::uint64_t bit = std::uint64_t{1} << *entry.unless_bit;
    const auto& events = ctx.events(device.id);
    if (std::any_of(events.begin(), events.end(), [&](const SelectedEvent& e) { return (e.mask & bit) != 0; })) return {};
  }
  ST_TRY(const auto* changes, ctx.changes(c.kind));
  Finding f = finding_for(entry, device);
  std::optional<diff::LoadedObjects> referencing;
  const diff::DiffKind* ref_kind = c.referenced_by ? diff::diff_kind_by_name(c.referenced_by->kind) : nullptr;
  for (const auto& change : *changes) {
    if (change.device_id != device.id || change.kind != c.kind || change.change != change_type(c.change)) continue;
    if (!c.fields.empty()) {
      const bool touched = std::any_of(change.fields.begin(), change.fields.end(), [&](const diff::FieldChange& fc) {
        return std::find(c.fields.begin(), c.fields.end(), fc.name) != c.fields.end();
      });
      if (!touched) continue;
    }
    if (!c.from.empty()) {
      ST_TRY(auto old_values, values_in(ctx, *kind, change.from_run, device.id, change.key));
      if (!all_match(c.from, old_values)) continue;
    }
    if (!c.to.empty()) {
      ST_TRY(auto new_values, values_in(ctx, *kind, change.to_run, device.id, change.key));
      if (!all_match(c.to, new_values)) continue;
    }
    std::vector<std::string> users;
    if (ref_kind) {
      if (!referencing) {
        ST_TRY(auto loaded, ctx.objects().read(*ref_kind, ctx.run(), device.id));
        referencing = std::move(loaded);
      }
      const std::string wanted = key_value(change.key);
      for (const auto& [key, object] : *referencing) {
        const auto values = diff::values_json(*ref_kind, object);
        for (const auto& field : c.referenced_by->fields) {
          FieldCondition eq{field, CompareOp::Eq, wanted};
          if (field_matches(eq, values)) {
            users.push_back(object_name(key));
            break;
          }
        }
      }
      if (users.empty()) continue;
    }
    f.objects.push_back(object_name(change.key));
    for (auto& u : users) f.details.push_back(std::move(u));
    const auto& source = change.change == diff::ChangeType::Removed ? change.from_source : change.to_source;
    if (source) {
      ST_TRY(auto file, ctx.file_id(change.change == diff::ChangeType::Removed ? change.from_run : change.to_run, source->file));
      f.add_evidence({file, source->offset, source->length, std::nullopt});
    } else {
      ++f.evidence_count;
    }
  }
  f.count = static_cast<double>(f.objects.size());
  if (f.objects.empty()) return {};
  out.push_back(std::move(f));
  return {};
}

}  // namespace st::insights
