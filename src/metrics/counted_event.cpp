#include "metrics/counted_event.h"

namespace st::metrics {

std::optional<CountedKind> counted_kind(std::string_view event_kind) {
  if (event_kind == "link_down") return CountedKind::LinkDown;
  if (event_kind == "link_up") return CountedKind::LinkUp;
  if (event_kind == "auth_fail") return CountedKind::AuthFail;
  if (event_kind == "err_disable") return CountedKind::ErrDisable;
  if (event_kind == "stp_change") return CountedKind::StpChange;
  if (event_kind == "power_fault") return CountedKind::PowerFault;
  if (event_kind == "poe_fault") return CountedKind::PoeFault;
  return std::nullopt;
}

parse::UnixSeconds CountedEvent::seconds() const {
  // Floor division: an event at -0.5 s belongs to second -1, as the block summaries count it.
  return time_ms >= 0 ? time_ms / 1000 : -((-time_ms + 999) / 1000);
}

std::uint32_t CountedEvents::port_index(const std::string& name) {
  auto [it, inserted] = port_by_name_.try_emplace(name, static_cast<std::uint32_t>(ports_.size()));
  if (inserted) ports_.push_back(name);
  return it->second;
}

void CountedEvents::add(std::optional<parse::UnixSeconds> time, int millis, CountedKind kind,
                        const std::optional<std::string>& interface) {
  CountedEvent e;
  if (time) e.time_ms = *time * 1000 + millis;
  if (interface && !interface->empty()) e.port = port_index(*interface);
  e.kind = kind;
  events_.push_back(e);
}

void CountedEvents::append(const CountedEvents& other) {
  std::vector<std::uint32_t> remap;
  remap.reserve(other.ports_.size());
  for (const auto& name : other.ports_) remap.push_back(port_index(name));
  for (CountedEvent e : other.events_) {
    if (e.port != CountedEvent::kNoPort) e.port = remap[e.port];
    events_.push_back(e);
  }
}

}  // namespace st::metrics
