#include "insights/rule_evaluator.h"

#include <algorithm>

#include "insights/condition_evaluators.h"
#include "insights/runbook_library.h"
#include "insights/summary_text.h"
#include "model/natural_order.h"

namespace st::insights {

Finding finding_for(const CompiledRules::Entry& entry, const RunDevice& device) {
  Finding f;
  f.rule = &entry.rule;
  f.device_id = device.id;
  f.device = device.hostname;
  f.site = device.site;
  f.platform = device.platform;
  return f;
}

std::string object_name(std::string_view key) {
  auto colon = key.find(':');
  return std::string(colon == std::string_view::npos ? key : key.substr(colon + 1));
}

namespace {

// The commands the rule and its runbook need that the capture lacks or holds only filtered,
// in the device's syntax. A need
// may list one command per vendor ("show interfaces status|show interfaces brief"); only the
// one the device's platform has (rules/commands/) is advised.
Result<void> advise(const DetectionRule& rule, RunContext& ctx, Finding& f) {
  std::vector<std::string> needs = rule.needs;
  ST_TRY(const auto* library, RunbookLibrary::shipped());
  if (const auto* runbook = library->find(rule.signature)) {
    for (const auto& n : runbook->needs) needs.push_back(n);
  }
  if (needs.empty()) return {};
  ST_TRY(const auto* coverage, ctx.coverage(f.device));
  if (!coverage) return {};
  for (const auto& need : needs) {
    for (std::size_t start = 0; start <= need.size();) {
      const auto bar = std::min(need.find('|', start), need.size());
      const std::string alternative = need.substr(start, bar - start);
      start = bar + 1;
      const rules::RecommendedCommand* lacking = nullptr;
      for (const auto* list : {&coverage->missing, &coverage->partial}) {
        for (const auto& r : *list) {
          if (r.canonical == alternative) lacking = &r;
        }
      }
      if (!lacking) continue;
      const bool listed = std::any_of(f.missing_commands.begin(), f.missing_commands.end(),
                                      [&](const auto& m) { return m.command == lacking->canonical; });
      if (!listed) f.missing_commands.push_back({lacking->canonical, lacking->syntax});
      break;
    }
  }
  return {};
}

}  // namespace

Result<std::vector<Finding>> evaluate_rule(const CompiledRules::Entry& entry, RunContext& ctx) {
  std::vector<Finding> out;
  const DetectionRule& rule = entry.rule;
  for (const auto& device : ctx.devices()) {
    if (!rule.vendors.empty() && std::find(rule.vendors.begin(), rule.vendors.end(), device.vendor) == rule.vendors.end()) {
      continue;
    }
    Result<void> done = std::visit(
        [&](const auto& c) -> Result<void> {
          using C = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<C, EventsCondition>) return evaluate_events(entry, c, ctx, device, out);
          else if constexpr (std::is_same_v<C, ObjectsCondition>) return evaluate_objects(entry, c, ctx, device, out);
          else if constexpr (std::is_same_v<C, DiffCondition>) return evaluate_diff(entry, c, ctx, device, out);
          else if constexpr (std::is_same_v<C, MetricCondition>) return evaluate_metric(entry, c, ctx, device, out);
          else if constexpr (std::is_same_v<C, SectionsCondition>) return evaluate_sections(entry, c, ctx, device, out);
          else return evaluate_missing_commands(entry, c, ctx, device, out);
        },
        rule.when);
    ST_CHECK(done);
  }
  const bool capture_order = std::holds_alternative<SectionsCondition>(rule.when) ||
                             std::holds_alternative<MissingCommandsCondition>(rule.when);
  for (auto& f : out) {
    if (!capture_order) std::stable_sort(f.objects.begin(), f.objects.end(), model::NaturalLess{});
    ST_CHECK(advise(rule, ctx, f));
    f.summary = expand_summary(f);
  }
  return out;
}

}  // namespace st::insights
