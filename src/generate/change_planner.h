// Run-to-run changes beyond the incidents (incident_planner.h), one per device and run from the
// device's second capture on, cycling through the kinds by device index and run so that a fleet of
// a dozen devices over three runs holds every kind: an OS upgrade, VLANs added, removed and
// renamed, a client replaced on a port, the spanning-tree root moving, an AP replaced, a PD
// unplugged, an SFP swapped, a config line added or removed, a stack unit's priority. With a
// change rate, a share of every device's access ports also gets a new description.
// Draws from streams of its own, so the incidents of a seed stay what they were.
#pragma once

#include <cstdint>

#include "generate/change_recorder.h"
#include "generate/incident_planner.h"

namespace st::generate {

// Adds the run's changes to `plan` (its touched ports are left alone). `change_rate`: percent of
// the untouched access ports whose description changes (0: none).
void plan_changes(Device& device, const RunWindow& window, Profile profile, std::uint64_t seed, int change_rate,
                  ChangeRecorder& recorder, IncidentPlan& plan);

}  // namespace st::generate
