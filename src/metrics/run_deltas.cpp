#include "metrics/run_deltas.h"

#include "metrics/thresholds.h"

namespace st::metrics {

std::int64_t counter_delta(std::int64_t now, std::optional<std::int64_t> before) {
  if (!before || now < *before) return now;
  return now - *before;
}

std::optional<bool> reloaded(std::optional<std::int64_t> uptime_now, std::optional<std::int64_t> uptime_before,
                             std::optional<std::int64_t> elapsed_seconds) {
  if (!uptime_now || !uptime_before) return std::nullopt;
  if (!elapsed_seconds) return *uptime_now < *uptime_before;
  return *uptime_now + kReloadSlackSeconds < *uptime_before + *elapsed_seconds;
}

}  // namespace st::metrics
