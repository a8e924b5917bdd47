// The everyday syslog traffic around the incidents: clients plugging in and out, 802.1X
// successes, PoE detection, logins and config saves. It never forms an incident by itself:
// link events on one port are at least 15 minutes apart (no flap), and it has no failures.
#pragma once

#include <cstdint>
#include <set>
#include <vector>

#include "generate/device_model.h"
#include "generate/incident_planner.h"
#include "generate/log_event.h"
#include "generate/session_writer.h"

namespace st::generate {

// About 5,500-14,500 messages per device for Profile::Full (roughly 1 MB of buffer), 3-8 for Lean.
std::vector<LogEvent> background_events(const Device& d, const RunWindow& window, Profile profile,
                                        std::uint64_t seed, const std::set<int>& touched_ports);

}  // namespace st::generate
