#include "metrics/event_counts.h"

#include <algorithm>
#include <cstdlib>
#include <span>
#include <tuple>

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
  EventCounts counts;
  // Counted events first, then the link events with a time and a port (flap candidates),
  // grouped by port in time order.
  std::erase_if(list, [&](const CountedEvent& e) { return after && (!e.has_time() || e.seconds() <= *after); });
  for (const auto& e : list) {
    switch (e.kind) {
      case CountedKind::LinkDown:
      case CountedKind::LinkUp: break;
      case CountedKind::AuthFail: ++counts.auth_failures; break;
      case CountedKind::ErrDisable: ++counts.err_disables; break;
      case CountedKind::StpChange: ++counts.stp_changes; break;
      case CountedKind::PowerFault: ++counts.power_events; break;
      case CountedKind::PoeFault: ++counts.poe_faults; break;
    }
  }
  std::erase_if(list, [](const CountedEvent& e) { return !is_link(e) || !e.has_time() || e.port == CountedEvent::kNoPort; });
  std::sort(list.begin(), list.end(), [](const CountedEvent& a, const CountedEvent& b) {
    return std::tie(a.port, a.time_ms) < std::tie(b.port, b.time_ms);
  });
  const std::span<const CountedEvent> links(list);
  for (std::size_t begin = 0; begin < links.size();) {
    std::size_t end = begin;
    while (end < links.size() && links[end].port == links[begin].port) ++end;
    counts.port_flaps += count_flaps(links.subspan(begin, end - begin));
    begin = end;
  }
  return counts;
}

}  // namespace st::metrics
