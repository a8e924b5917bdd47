// Device uptime as printed by `show version`, in seconds: the reload check compares it
// between runs.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace st::metrics {

// Sums every "<number> <unit>" pair: Cisco "1 year, 31 weeks, 6 days, 9 hours, 55 minutes",
// EOS "2 weeks, 3 days, 4 hours and 5 minutes", FastIron "10 day(s) 4 hour(s) 3 minute(s)
// 2 second(s)", compact "1d02h" / "3w2d" / "00:41:12" (h:m:s). Units: year (365 days), week,
// day, hour, minute, second and their first letters. nullopt when no pair is found.
std::optional<std::int64_t> uptime_seconds(std::string_view text);

}  // namespace st::metrics
