// What changed on a device between its previous run and this one: counter deltas (with
// resets) and reloads.
#pragma once

#include <cstdint>
#include <optional>

namespace st::metrics {

// Growth of one counter since the previous run. A counter lower than before was reset
// (`clear counters`, a reload): it counts from zero. No previous value: the counter is new
// since then (a port added) and its whole value is growth.
std::int64_t counter_delta(std::int64_t now, std::optional<std::int64_t> before);

// Whether the device reloaded between two captures `elapsed_seconds` apart: its uptime is
// shorter than the previous uptime plus the elapsed time (less kReloadSlackSeconds), or,
// with no elapsed time known, shorter than before. nullopt when an uptime is unknown.
std::optional<bool> reloaded(std::optional<std::int64_t> uptime_now, std::optional<std::int64_t> uptime_before,
                             std::optional<std::int64_t> elapsed_seconds);

}  // namespace st::metrics
