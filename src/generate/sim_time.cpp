#include "generate/sim_time.h"

#include <array>

#include <fmt/format.h>

namespace st::generate {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string plural(std::int64_t n, std::string_view unit) {
  return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s");
}

}  // namespace

CivilTime civil(SimTime t) {
  std::int64_t days = t.ms >= 0 ? t.ms / kDay : (t.ms - kDay + 1) / kDay;
  std::int64_t rest = t.ms - days * kDay;
  CivilTime c{};
  c.weekday = static_cast<int>(((days % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (c.month <= 2));
  c.hour = static_cast<int>(rest / kHour);
  c.minute = static_cast<int>(rest % kHour / kMinute);
  c.second = static_cast<int>(rest % kMinute / kSecond);
  c.millis = static_cast<int>(rest % kSecond);
  return c;
}

SimTime from_civil(int year, int month, int day, int hour, int minute, int second) {
  return {days_from_civil(year, month, day) * kDay + hour * kHour + minute * kMinute + second * kSecond};
}

std::string_view month_abbrev(int month) {
  static constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return kMonths[static_cast<std::size_t>((month - 1) % 12)];
}

std::string_view weekday_abbrev(int weekday) {
  static constexpr std::array<std::string_view, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return kDays[static_cast<std::size_t>(weekday % 7)];
}

std::string cisco_uptime(std::int64_t ms) {
  std::int64_t minutes = ms / kMinute;
  const std::int64_t years = minutes / (365 * 24 * 60);
  minutes -= years * 365 * 24 * 60;
  const std::int64_t weeks = minutes / (7 * 24 * 60);
  minutes -= weeks * 7 * 24 * 60;
  const std::int64_t days = minutes / (24 * 60);
  minutes -= days * 24 * 60;
  const std::int64_t hours = minutes / 60;
  minutes -= hours * 60;
  std::string out;
  auto add = [&](std::int64_t n, std::string_view unit) {
    if (n == 0 && out.empty()) return;
    if (!out.empty()) out += ", ";
    out += plural(n, unit);
  };
  add(years, "year");
  add(weeks, "week");
  add(days, "day");
  add(hours, "hour");
  if (!out.empty()) out += ", ";
  out += plural(minutes, "minute");
  return out;
}

std::string arista_uptime(std::int64_t ms) {
  std::string s = cisco_uptime(ms);
  if (auto last = s.rfind(", "); last != std::string::npos) s.replace(last, 2, " and ");
  return s;
}

std::string fastiron_uptime(std::int64_t ms) {
  const std::int64_t s = ms / kSecond;
  return fmt::format("{} day(s) {} hour(s) {} minute(s) {} second(s)", s / 86400, s % 86400 / 3600,
                     s % 3600 / 60, s % 60);
}

}  // namespace st::generate
