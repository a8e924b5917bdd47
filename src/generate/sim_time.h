// Simulated wall-clock time for generated captures: milliseconds since the Unix epoch (UTC),
// and the calendar pieces the vendors print ("Fri Nov 20 2026", "Nov 20 08:51:12").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace st::generate {

struct SimTime {
  std::int64_t ms = 0;  // since 1970-01-01T00:00:00Z
  auto operator<=>(const SimTime&) const = default;
};

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

struct CivilTime {
  int year, month, day;     // month 1..12
  int hour, minute, second, millis;
  int weekday;              // 0 = Sunday
};

CivilTime civil(SimTime t);
SimTime from_civil(int year, int month, int day, int hour, int minute, int second);

std::string_view month_abbrev(int month);    // "Nov"
std::string_view weekday_abbrev(int weekday);  // "Fri"

// "12 weeks, 6 days, 21 hours, 38 minutes" (IOS; years when a year or more).
std::string cisco_uptime(std::int64_t ms);
// "12 weeks, 6 days, 21 hours and 38 minutes" (EOS).
std::string arista_uptime(std::int64_t ms);
// "12 day(s) 6 hour(s) 21 minute(s) 38 second(s)" (FastIron).
std::string fastiron_uptime(std::int64_t ms);

}  // namespace st::generate
