#include "generate/background_log.h"

#include <algorithm>

#include "generate/prng.h"

namespace st::generate {

std::vector<LogEvent> background_events(const Device& d, const RunWindow& window, Profile profile,
                                        std::uint64_t seed, const std::set<int>& touched_ports) {
  Prng rng(mix_seed(seed, static_cast<std::uint64_t>(d.index), static_cast<std::uint64_t>(window.run), 3));
  const std::int64_t target = profile == Profile::Full ? rng.between(5500, 14500) : rng.between(3, 8);
  std::vector<int> quiet_ports;  // connected edge ports that incidents leave alone
  for (int i = 0; i < static_cast<int>(d.ports.size()); ++i) {
    const Port& p = d.ports[static_cast<std::size_t>(i)];
    if (p.access && p.status == PortStatus::Connected && !touched_ports.contains(i)) quiet_ports.push_back(i);
  }
  // Each port's outages so far: a new one keeps 15 minutes clear of every earlier one, so the
  // background never looks like a flap (src/generate/README.md).
  std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>> outages(d.ports.size());
  std::vector<LogEvent> events;
  events.reserve(static_cast<std::size_t>(target) + 8);
  const std::int64_t lo = window.start.ms, hi = window.capture.ms - 3 * kMinute;
  while (static_cast<std::int64_t>(events.size()) < target) {
    const SimTime t{rng.between(lo, hi)};
    const auto roll = rng.below(100);
    const int port = quiet_ports.empty() ? -1 : quiet_ports[rng.below(quiet_ports.size())];
    const Port* p = port >= 0 ? &d.ports[static_cast<std::size_t>(port)] : nullptr;
    if (roll < 30 && p) {
      // A client unplugs and comes back 2-40 minutes later; the port ends up as it was.
      auto& taken = outages[static_cast<std::size_t>(port)];
      const std::int64_t back = t.ms + rng.between(2, 40) * kMinute;
      const bool too_close = std::any_of(taken.begin(), taken.end(), [&](const auto& o) {
        return t.ms < o.second + 15 * kMinute && back + 15 * kMinute > o.first;
      });
      if (back >= hi || too_close) continue;
      taken.emplace_back(t.ms, back);
      events.push_back({t, LogKind::LineProtoDown, port});
      events.push_back({{t.ms + 1001}, LogKind::LinkDown, port});
      events.push_back({{back}, LogKind::LinkUp, port});
      events.push_back({{back + 1002}, LogKind::LineProtoUp, port});
      if (p->poe && d.has_poe) {
        events.push_back({{back - 2900}, LogKind::PoeDetect, port});
        events.push_back({{back - 2100}, LogKind::PoeGranted, port});
      }
      if (p->auth) events.push_back({{back + rng.between(3000, 9000)}, LogKind::AuthSuccess, port, 0,
                                     static_cast<std::uint32_t>(rng.next())});
    } else if (roll < 70 && p && p->auth) {
      events.push_back({t, LogKind::AuthSuccess, port, 0, static_cast<std::uint32_t>(rng.next())});
    } else if (roll < 85) {
      events.push_back({t, LogKind::LoginSuccess, -1});
      events.push_back({{std::min(hi, t.ms + rng.between(20, 600) * kSecond)}, LogKind::Logout, -1});
    } else if (roll < 95) {
      events.push_back({t, LogKind::ConfigChanged, -1});
    } else {
      events.push_back({t, LogKind::NtpSync, -1});
    }
  }
  return events;
}

}  // namespace st::generate
