#include "metrics/event_counts.h"

#include <algorithm>
#include <cstdlib>
#include <span>
#include <string_view>
#include <tuple>

#include "metrics/thresholds.h"

namespace st::metrics {
namespace {

std::int64_t millis_of(const CountedEvent& e) { return *e.time * 1000 + e.millis; }

// Link events of one port, in time order: a transition counts when its neighbour on either
// side goes the other way within the window.
std::int64_t count_flaps(std::span<const CountedEvent* const> port) {
  constexpr std::int64_t window = kFlapWindowSeconds * 1000;
  std::int64_t flaps = 0;
  for (std::size_t i = 0; i < port.size(); ++i) {
    const auto reverses = [&](std::size_t j) {
      return port[j]->kind != port[i]->kind && std::abs(millis_of(*port[j]) - millis_of(*port[i])) <= window;
    };
    if ((i > 0 && reverses(i - 1)) || (i + 1 < port.size() && reverses(i + 1))) ++flaps;
  }
  return flaps;
}

}  // namespace

EventCounts count_events(std::vector<CountedEvent>& events, std::optional<parse::UnixSeconds> after) {
  std::erase_if(events, [&](const CountedEvent& e) { return after && (!e.time || *e.time <= *after); });
  EventCounts counts;
  std::vector<const CountedEvent*> links;
  for (const auto& e : events) {
    switch (e.kind) {
      case CountedKind::LinkDown:
      case CountedKind::LinkUp:
        if (e.time && !e.interface.empty()) links.push_back(&e);
        break;
      case CountedKind::AuthFail: ++counts.auth_failures; break;
      case CountedKind::ErrDisable: ++counts.err_disables; break;
      case CountedKind::StpChange: ++counts.stp_changes; break;
      case CountedKind::PowerFault: ++counts.power_events; break;
      case CountedKind::PoeFault: ++counts.poe_faults; break;
    }
  }
  std::sort(links.begin(), links.end(), [](const CountedEvent* a, const CountedEvent* b) {
    return std::tuple(std::string_view(a->interface), millis_of(*a)) <
           std::tuple(std::string_view(b->interface), millis_of(*b));
  });
  for (std::size_t begin = 0; begin < links.size();) {
    std::size_t end = begin;
    while (end < links.size() && links[end]->interface == links[begin]->interface) ++end;
    counts.port_flaps += count_flaps(std::span(links).subspan(begin, end - begin));
    begin = end;
  }
  return counts;
}

}  // namespace st::metrics
