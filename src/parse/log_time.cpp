#include "parse/log_time.h"

#include <array>
#include <cstdio>

#include <fmt/format.h>

#include "parse/line_cursor.h"

namespace st::parse {

std::string_view to_string(TimeQuality quality) {
  switch (quality) {
    case TimeQuality::Exact: return "exact";
    case TimeQuality::YearInferred: return "year_inferred";
    case TimeQuality::ZoneAssumed: return "zone_assumed";
    case TimeQuality::UptimeOnly: return "uptime_only";
  }
  return "exact";
}

int month_from_name(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (name.size() < 3) return 0;
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    // "Jun", "jun", "June", "Sept" all name a month; "Junk" does not.
    if (name.size() <= kMonths[m].size() && iequals(name, kMonths[m].substr(0, name.size()))) {
      return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

namespace {

struct ZoneEntry {
  std::string_view name;
  int minutes;
};

// Only abbreviations that mean one thing in practice; IST, BST, AST... are ambiguous and
// resolve to "unknown".
constexpr std::array<ZoneEntry, 24> kZones = {{
    {"UTC", 0},     {"GMT", 0},    {"Z", 0},       {"UT", 0},      {"EST", -300},
    {"EDT", -240},  {"CST", -360}, {"CDT", -300},  {"MST", -420},  {"MDT", -360},
    {"PST", -480},  {"PDT", -420}, {"CET", 60},    {"CEST", 120},  {"MET", 60},
    {"MEST", 120},  {"EET", 120},  {"EEST", 180},  {"JST", 540},   {"AEST", 600},
    {"AEDT", 660},  {"NZST", 720}, {"NZDT", 780},  {"WET", 0},
}};

// "+02:00", "-0530", "+2": a numeric offset, or nullopt.
std::optional<int> numeric_offset(std::string_view text) {
  if (text.size() < 2 || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  const int sign = text[0] == '-' ? -1 : 1;
  std::string_view rest = text.substr(1);
  int hours = 0;
  int minutes = 0;
  if (const auto colon = rest.find(':'); colon != std::string_view::npos) {
    const auto h = to_int<int>(rest.substr(0, colon));
    const auto m = to_int<int>(rest.substr(colon + 1));
    if (!h || !m || rest.substr(colon + 1).size() != 2) return std::nullopt;
    hours = *h;
    minutes = *m;
  } else if (rest.size() == 4 && all_digits(rest)) {
    hours = (rest[0] - '0') * 10 + (rest[1] - '0');
    minutes = (rest[2] - '0') * 10 + (rest[3] - '0');
  } else if (rest.size() <= 2 && all_digits(rest)) {
    hours = *to_int<int>(rest);
  } else {
    return std::nullopt;
  }
  if (hours > 14 || minutes > 59) return std::nullopt;
  return sign * (hours * 60 + minutes);
}

}  // namespace

std::optional<int> zone_offset_minutes(std::string_view zone) {
  zone = trim(zone);
  if (zone.empty()) return std::nullopt;
  if (zone[0] == '+' || zone[0] == '-') return numeric_offset(zone);
  for (const auto& entry : kZones) {
    if (iequals(zone, entry.name)) return entry.minutes;
  }
  // "UTC+02:00", "GMT-5"
  if (zone.size() > 3 && (istarts_with(zone, "UTC") || istarts_with(zone, "GMT"))) {
    return numeric_offset(zone.substr(3));
  }
  return std::nullopt;
}

namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

constexpr Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Civil{y + (m <= 2), m, d};
}

constexpr bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int days_in_month(std::int64_t year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return kDays[static_cast<std::size_t>(month - 1)];
}

bool time_fields_valid(const LogTime& t) {
  return t.month >= 1 && t.month <= 12 && t.day >= 1 && t.day <= 31 && t.hour >= 0 &&
         t.hour <= 23 && t.minute >= 0 && t.minute <= 59 && t.second >= 0 && t.second <= 60 &&
         t.millis >= 0 && t.millis <= 999;
}

}  // namespace

UnixSeconds days_from_civil_seconds(int year, int month, int day, int hour, int minute,
                                    int second) {
  const std::int64_t days =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return days * 86400 + static_cast<std::int64_t>(hour) * 3600 +
         static_cast<std::int64_t>(minute) * 60 + second;
}

std::string format_utc_iso(UnixSeconds seconds, int millis) {
  std::int64_t days = seconds / 86400;
  std::int64_t rem = seconds % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  const Civil c = civil_from_days(days);
  const auto hour = static_cast<int>(rem / 3600);
  const auto minute = static_cast<int>((rem % 3600) / 60);
  const auto second = static_cast<int>(rem % 60);
  // Written digit by digit: this runs once per syslog line, and fmt's parsing of the format
  // string cost more than the rest of the timestamp resolution.
  if (c.year < 0 || c.year > 9999) {
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", c.year, c.month, c.day, hour, minute, second);
  }
  char buffer[24];
  auto put = [&buffer](int at, int value, int digits) {
    for (int i = digits - 1; i >= 0; --i, value /= 10) buffer[at + i] = static_cast<char>('0' + value % 10);
  };
  put(0, static_cast<int>(c.year), 4);
  buffer[4] = '-';
  put(5, static_cast<int>(c.month), 2);
  buffer[7] = '-';
  put(8, static_cast<int>(c.day), 2);
  buffer[10] = 'T';
  put(11, hour, 2);
  buffer[13] = ':';
  put(14, minute, 2);
  buffer[16] = ':';
  put(17, second, 2);
  std::size_t length = 19;
  if (millis > 0) {
    buffer[19] = '.';
    put(20, millis % 1000, 3);
    length = 23;
  }
  buffer[length++] = 'Z';
  return std::string(buffer, length);
}

ResolvedTime resolve(const LogTime& time, std::optional<UnixSeconds> reference) {
  const ResolvedInstant instant = resolve_instant(time, reference);
  ResolvedTime out;
  out.quality = instant.quality;
  out.unix_seconds = instant.unix_seconds;
  if (instant.unix_seconds) out.utc_iso = format_utc_iso(*instant.unix_seconds, time.millis);
  return out;
}

ResolvedInstant resolve_instant(const LogTime& time, std::optional<UnixSeconds> reference) {
  ResolvedInstant out;
  if (time.uptime_only) {
    out.quality = TimeQuality::UptimeOnly;
    return out;
  }
  const int offset = time.utc_offset_minutes.value_or(0);
  auto to_seconds = [&](int year) {
    return days_from_civil_seconds(year, time.month, time.day, time.hour, time.minute,
                                   time.second) -
           static_cast<UnixSeconds>(offset) * 60;
  };

  int year = 0;
  if (time.year) {
    out.quality = time.utc_offset_minutes ? TimeQuality::Exact : TimeQuality::ZoneAssumed;
    year = *time.year;
    if (!time_fields_valid(time) || time.day > days_in_month(year, time.month)) return out;
  } else {
    out.quality = TimeQuality::YearInferred;
    if (!reference || !time_fields_valid(time)) return out;
    const Civil ref = civil_from_days(*reference >= 0 ? *reference / 86400
                                                      : (*reference - 86399) / 86400);
    year = static_cast<int>(ref.year);
    // Feb 29 only exists in leap years: step back to the latest year that has the date.
    while (time.day > days_in_month(year, time.month)) --year;
    if (to_seconds(year) > *reference + 86400) {
      --year;
      while (time.day > days_in_month(year, time.month)) --year;
    }
  }
  out.unix_seconds = to_seconds(year);
  return out;
}

bool parse_time_of_day(std::string_view s, LogTime& t) {
  const std::size_t c1 = s.find(':');
  if (c1 == std::string_view::npos) return false;
  const std::size_t c2 = s.find(':', c1 + 1);
  if (c2 == std::string_view::npos) return false;
  const std::size_t dot = s.find('.', c2 + 1);
  const auto h = to_int<int>(s.substr(0, c1));
  const auto m = to_int<int>(s.substr(c1 + 1, c2 - c1 - 1));
  const auto sec = to_int<int>(s.substr(c2 + 1, dot == std::string_view::npos ? s.npos : dot - c2 - 1));
  if (!h || !m || !sec || *h > 23 || *m > 59 || *sec > 60) return false;
  t.hour = *h;
  t.minute = *m;
  t.second = *sec;
  if (dot != std::string_view::npos) {
    const std::string_view frac = s.substr(dot + 1);
    if (!all_digits(frac)) return false;
    int millis = 0;
    for (std::size_t i = 0; i < 3; ++i) millis = millis * 10 + (i < frac.size() ? frac[i] - '0' : 0);
    t.millis = millis;
  }
  return true;
}

std::optional<UnixSeconds> parse_utc_iso(std::string_view iso) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  const std::string text(iso.substr(0, 19));
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6) return std::nullopt;
  return days_from_civil_seconds(y, mo, d, h, mi, s);
}

}  // namespace st::parse
