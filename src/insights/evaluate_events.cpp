// Counts per group (interface, device or message id) within a sliding time window; every
// group that reaches the count adds its densest window's lines to the device's one finding.
#include <algorithm>
#include <map>
#include <set>

#include "model/natural_order.h"

#include "insights/condition_evaluators.h"

namespace st::insights {

namespace {

struct Window {
  std::size_t begin = 0, end = 0;  // [begin, end) into the group's events
  std::size_t count() const { return end - begin; }
};

// The window holding the most events no more than `span_ms` apart (the earliest on ties).
Window densest(const std::vector<const SelectedEvent*>& events, std::optional<std::int64_t> span_ms) {
  if (!span_ms) return {0, events.size()};
  Window best;
  std::size_t begin = 0;
  for (std::size_t end = 0; end < events.size(); ++end) {
    while (events[end]->time_ms - events[begin]->time_ms > *span_ms) ++begin;
    if (end + 1 - begin > best.count()) best = {begin, end + 1};
  }
  return best;
}

}  // namespace

Result<void> evaluate_events(const CompiledRules::Entry& entry, const EventsCondition& c, RunContext& ctx,
                             const RunDevice& device, std::vector<Finding>& out) {
  const std::uint64_t bit = std::uint64_t{1} << *entry.events_bit;
  std::optional<std::int64_t> span_ms;
  if (c.window_seconds) span_ms = static_cast<std::int64_t>(*c.window_seconds * 1000);

  const std::uint64_t fallback_bit = entry.fallback_bit ? std::uint64_t{1} << *entry.fallback_bit : 0;

  using Groups = std::map<std::string, std::vector<const SelectedEvent*>>;
  Groups groups, fallbacks;
  for (const auto& e : ctx.events(device.id)) {
    const bool main = (e.mask & bit) != 0;
    if (!main && !(e.mask & fallback_bit)) continue;
    if (span_ms && !e.has_time()) continue;  // a window needs dates
    Groups& into = main ? groups : fallbacks;
    if (c.group_by == GroupBy::Interface) {
      if (e.interface.empty()) continue;
      into[e.interface].push_back(&e);
    } else if (c.group_by == GroupBy::MessageId) {
      into[e.message_id].push_back(&e);
    } else {
      into[""].push_back(&e);
    }
  }
  // A group with none of the main events reads its fallback ones (kept in capture order).
  for (auto& [key, events] : fallbacks) groups.try_emplace(key, std::move(events));

  Finding f = finding_for(entry, device);
  std::set<std::string, model::NaturalLess> objects;
  for (auto& [key, events] : groups) {
    if (span_ms) std::stable_sort(events.begin(), events.end(), [](auto* a, auto* b) { return a->time_ms < b->time_ms; });
    const Window w = densest(events, span_ms);
    if (static_cast<double>(w.count()) < c.min_count) continue;
    if (c.min_interfaces > 0) {
      std::set<std::string_view> ports;
      for (std::size_t i = w.begin; i < w.end; ++i) {
        if (!events[i]->interface.empty()) ports.insert(events[i]->interface);
      }
      if (static_cast<double>(ports.size()) < c.min_interfaces) continue;
    }
    f.count = std::max(f.count, static_cast<double>(w.count()));
    for (std::size_t i = w.begin; i < w.end; ++i) {
      const SelectedEvent& e = *events[i];
      f.add_evidence({e.file_id, e.offset, e.length, e.has_time() ? std::optional(e.time_ms) : std::nullopt});
      if (c.group_by != GroupBy::MessageId && !e.interface.empty()) objects.insert(e.interface);
    }
    if (c.group_by == GroupBy::MessageId) objects.insert(key);
  }
  if (f.evidence_count == 0) return {};
  f.objects.assign(objects.begin(), objects.end());
  out.push_back(std::move(f));
  return {};
}

}  // namespace st::insights
