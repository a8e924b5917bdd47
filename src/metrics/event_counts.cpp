#include "metrics/event_counts.h"

#include <algorithm>
#include <cstdlib>
#include <span>
#include <vector>

#include "metrics/thresholds.h"

namespace st::metrics {
namespace {

// Link events of one port, in time order: a transition counts when its neighbour on either
// side goes the other way within the window.
std::int64_t count_flaps(std::span<const CountedEvent> port) {
  constexpr std::int64_t window = kFlapWindowSeconds * 1000;
  std::int64_t flaps = 0;
  for (std::size_t i = 0; i < port.size(); ++i) {
    const auto reverses = [&](std::size_t j) {
      return port[j].kind != port[i].kind && std::abs(port[j].time_ms - port[i].time_ms) <= window;
    };
    if ((i > 0 && reverses(i - 1)) || (i + 1 < port.size() && reverses(i + 1))) ++flaps;
  }
  return flaps;
}

bool is_link(const CountedEvent& e) { return e.kind == CountedKind::LinkDown || e.kind == CountedKind::LinkUp; }

}  // namespace

EventCounts count_events(CountedEvents& events, std::optional<parse::UnixSeconds> after) {
  auto& list = events.events();
  std::erase_if(list, [&](const CountedEvent& e) { return after && (!e.has_time() || e.seconds() <= *after); });
  EventCounts counts;
  // Link events with a time and a port are flap candidates: grouped by port with a counting
  // sort (a device has few ports), keeping their order. Logs are printed in time order, so
  // a port's events rarely need sorting.
  const auto candidate = [](const CountedEvent& e) {
    return is_link(e) && e.has_time() && e.port != CountedEvent::kNoPort;
  };
  std::vector<std::size_t> offsets(events.port_count() + 1, 0);
  for (const auto& e : list) {
    switch (e.kind) {
      case CountedKind::LinkDown:
      case CountedKind::LinkUp:
        if (candidate(e)) ++offsets[e.port + 1];
        break;
      case CountedKind::AuthFail: ++counts.auth_failures; break;
      case CountedKind::ErrDisable: ++counts.err_disables; break;
      case CountedKind::StpChange: ++counts.stp_changes; break;
      case CountedKind::PowerFault: ++counts.power_events; break;
      case CountedKind::PoeFault: ++counts.poe_faults; break;
    }
  }
  for (std::size_t p = 1; p < offsets.size(); ++p) offsets[p] += offsets[p - 1];
  std::vector<CountedEvent> by_port(offsets.back());
  std::vector<std::size_t> next(offsets.begin(), offsets.end() - 1);
  for (const auto& e : list) {
    if (candidate(e)) by_port[next[e.port]++] = e;
  }
  const auto earlier = [](const CountedEvent& a, const CountedEvent& b) { return a.time_ms < b.time_ms; };
  for (std::size_t p = 0; p + 1 < offsets.size(); ++p) {
    const auto first = by_port.begin() + static_cast<std::ptrdiff_t>(offsets[p]);
    const auto last = by_port.begin() + static_cast<std::ptrdiff_t>(offsets[p + 1]);
    if (!std::is_sorted(first, last, earlier)) std::stable_sort(first, last, earlier);
    counts.port_flaps += count_flaps(std::span<const CountedEvent>(first, last));
  }
  return counts;
}

}  // namespace st::metrics
