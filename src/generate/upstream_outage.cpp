#include "generate/upstream_outage.h"

#include <algorithm>
#include <limits>

#include "generate/prng.h"

namespace st::generate {

namespace {

// Access switches (not the core, not data-centre leaves) with an uplink to lose.
bool eligible(const Device& d) {
  if (d.is_core || d.vendor == Vendor::Arista) return false;
  return std::any_of(d.ports.begin(), d.ports.end(),
                     [](const Port& p) { return p.uplink && p.status == PortStatus::Connected; });
}

}  // namespace

std::map<int, UplinkLoss> plan_upstream_outages(const std::vector<Device>& fleet,
                                                const std::map<int, RunWindow>& windows, int run,
                                                std::uint64_t seed) {
  std::map<std::string, std::vector<int>> by_site;  // site -> eligible device indexes, in fleet order
  for (const auto& [index, window] : windows) {
    const Device& d = fleet[static_cast<std::size_t>(index)];
    if (eligible(d)) by_site[d.site].push_back(index);
  }
  std::map<int, UplinkLoss> shares;
  for (auto& [site, candidates] : by_site) {
    if (candidates.size() < 3) continue;
    Prng rng(mix_seed(seed, static_cast<std::uint64_t>(candidates.front()), static_cast<std::uint64_t>(run), 10));
    if (!rng.percent(35)) continue;
    // 3-4 distinct switches, drawn without replacement.
    const auto wanted = static_cast<std::size_t>(rng.between(3, std::min<std::int64_t>(4, static_cast<std::int64_t>(candidates.size()))));
    std::vector<int> chosen;
    while (chosen.size() < wanted) {
      const std::size_t k = rng.below(candidates.size());
      chosen.push_back(candidates[k]);
      candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(k));
    }
    std::sort(chosen.begin(), chosen.end());
    // A time every chosen switch's buffer covers, at least 15 minutes before the first capture.
    std::int64_t lo = std::numeric_limits<std::int64_t>::min(), hi = std::numeric_limits<std::int64_t>::max();
    for (int i : chosen) {
      const RunWindow& w = windows.at(i);
      lo = std::max(lo, w.start.ms + kMinute);
      hi = std::min(hi, w.capture.ms - 15 * kMinute);
    }
    if (hi <= lo) continue;
    const SimTime at{rng.between(lo, hi)};
    std::vector<std::string> names;
    for (int i : chosen) names.push_back(fleet[static_cast<std::size_t>(i)].hostname);
    for (std::size_t k = 0; k < chosen.size(); ++k) {
      // The switches notice within 40 s of each other; the path is back 2-6 minutes later.
      const SimTime down{at.ms + rng.between(0, 40) * kSecond + rng.between(0, 999)};
      const SimTime up{down.ms + rng.between(2, 6) * kMinute};
      shares[chosen[k]] = UplinkLoss{down, up, k == 0, names};
    }
  }
  return shares;
}

}  // namespace st::generate
