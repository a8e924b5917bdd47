// An outage upstream of a site (its core or a shared fibre path fails): the uplinks of several
// access switches go down within a minute and come back minutes later. It spans devices, so it
// is planned per run before any session is written; each switch's incident planner then logs
// its share (plan_incidents).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "generate/device_model.h"
#include "generate/incident_planner.h"

namespace st::generate {

// One switch's share of an outage: its connected uplinks go down at `down` and up at `up`.
struct UplinkLoss {
  SimTime down, up;
  bool lead = false;                 // this switch's run lists the outage in the manifest
  std::vector<std::string> devices;  // every switch of the outage, by hostname
};

// About one run in three per site: 3-4 of the site's access switches captured in the run (those
// with `windows` entries, keyed by device index) lose their uplinks, all within the window every
// one of them logs. Draws from a random stream of its own (seed, site, run), so the rest of the
// captures stay what they were. Device index -> its share.
std::map<int, UplinkLoss> plan_upstream_outages(const std::vector<Device>& fleet,
                                                const std::map<int, RunWindow>& windows, int run,
                                                std::uint64_t seed);

}  // namespace st::generate
