// Decides, per device and run, which incidents and changes happen, applies the changes to
// the device's ports (so status tables and configs show them) and returns the syslog
// messages that tell of them plus the manifest items that list them.
#pragma once

#include <cstdint>
#include <set>
#include <vector>

#include "generate/change_recorder.h"
#include "generate/device_model.h"
#include "generate/log_event.h"
#include "generate/manifest_item.h"
#include "generate/prng.h"

namespace st::generate {

struct RunWindow {
  int run = 1;
  SimTime start;    // the earliest syslog time of this run's buffer
  SimTime capture;  // `show clock` at the start of the session
  bool baseline = false;  // the device's first capture (run 1, or it was new): no changes to report
};

struct IncidentPlan {
  std::vector<LogEvent> events;
  std::vector<ManifestItem> items;
  std::set<int> touched_ports;  // ports that background noise must leave alone this run
};

// An untouched port of `device` matching `want`, drawn with `rng` and marked touched in `plan`;
// -1 when none is left. Incidents and changes share it, so no port gets two of them in a run.
template <class Pred>
int choose_untouched_port(const Device& device, IncidentPlan& plan, Prng& rng, Pred want) {
  std::vector<int> candidates;
  for (int i = 0; i < static_cast<int>(device.ports.size()); ++i) {
    if (!plan.touched_ports.contains(i) && want(device.ports[static_cast<std::size_t>(i)])) candidates.push_back(i);
  }
  if (candidates.empty()) return -1;
  const int chosen = candidates[rng.below(candidates.size())];
  plan.touched_ports.insert(chosen);
  return chosen;
}

// Mutates `device` (run N's state follows run N-1's). Every device gets at least one item
// per run, cycling through the kinds by device index and run, so small fleets cover them all.
// Each item's changes to the store objects go through `recorder` (details.expect / affects).
// `uplink_loss`, when set, is this switch's share of an outage upstream of its site.
struct UplinkLoss;
IncidentPlan plan_incidents(Device& device, const RunWindow& window, std::uint64_t seed, const UplinkLoss* uplink_loss,
                            ChangeRecorder& recorder);

}  // namespace st::generate
