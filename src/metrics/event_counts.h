// Per device per run counts of the syslog events the metrics read (PortFlapEvents,
// AuthFailureCount, ...), from the events the run's capture holds.
#pragma once

#include <cstdint>
#include <optional>

#include "metrics/counted_event.h"

namespace st::metrics {

struct EventCounts {
  std::int64_t port_flaps = 0;     // link transitions reversed within kFlapWindowSeconds on the same port
  std::int64_t auth_failures = 0;
  std::int64_t err_disables = 0;
  std::int64_t stp_changes = 0;
  std::int64_t power_events = 0;
  std::int64_t poe_faults = 0;
};

// `after`: the newest event time (second) of the device's previous run. `show logging`
// buffers of consecutive runs overlap, so only events in a later second are counted, and
// events with no time (uptime-only stamps) only when there is no previous run. Removes the
// events it does not count from `events`.
EventCounts count_events(CountedEvents& events, std::optional<parse::UnixSeconds> after);

}  // namespace st::metrics
