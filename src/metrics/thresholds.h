// Every threshold the metrics and tags use, in one place (docs/metrics.md lists them).
// Constants rather than a rule file: they are few, and a change is a reviewed code change.
#pragma once

#include <cstdint>

namespace st::metrics {

// A link transition counts as a flap when the same port goes the other way within this
// window (before or after it). A client unplugging for minutes is not a flap; a port
// bouncing within seconds is. Background unplugs in real and generated logs last >= 2 min.
inline constexpr std::int64_t kFlapWindowSeconds = 60;

// Tags (device_tags) set when a metric of the run reaches its threshold.
inline constexpr double kFlappingMinTransitions = 6;   // PortFlapEvents: three down/up cycles
inline constexpr double kAuthFailingMinFailures = 3;   // AuthFailureCount
inline constexpr double kErrDisabledMinPorts = 1;      // InterfacesErrDisabled or ErrDisableCount
inline constexpr double kCrcGrowingMinPerMinute = 1;   // CrcErrorsPerMinute

// Reloads: the uptime may fall short of "previous uptime + time between captures" by this
// much without a reload (uptimes are printed to the minute, capture clocks drift).
inline constexpr std::int64_t kReloadSlackSeconds = 15 * 60;

}  // namespace st::metrics
