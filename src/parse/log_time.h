// Timestamps as devices print them, and their resolution to UTC.
// Contract: every stored timestamp is UTC ISO-8601 (or null) plus the raw text
// and a time_quality that says how much of it was inferred.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace st::parse {

enum class TimeQuality {
  Exact,         // year and zone were printed
  YearInferred,  // no year printed: taken from the capture reference time
  ZoneAssumed,   // year printed, zone absent or unknown: taken as UTC
  UptimeOnly,    // only time since boot was printed ("7:04", "1d02h"); no timestamp
};
std::string_view to_string(TimeQuality quality);

// The calendar fields a device printed; absent parts are std::nullopt.
struct LogTime {
  std::optional<int> year;
  int month = 0;  // 1..12; 0 means "no calendar date" (uptime-only)
  int day = 0;
  int hour = 0, minute = 0, second = 0;
  int millis = 0;
  std::optional<int> utc_offset_minutes;  // known zone ("UTC", "+02:00"); nullopt = absent/unknown
  bool uptime_only = false;
};

// Seconds since the Unix epoch (UTC); the reference for year inference.
using UnixSeconds = std::int64_t;

struct ResolvedTime {
  std::optional<std::string> utc_iso;  // "2024-06-19T03:02:31Z", or with ".123" millis
  std::optional<UnixSeconds> unix_seconds;
  TimeQuality quality = TimeQuality::Exact;
};

// Resolves a printed time against the capture reference: a yearless date takes the
// year that puts it at or before the reference (plus one day of clock skew).
ResolvedTime resolve(const LogTime& time, std::optional<UnixSeconds> reference);

// The same without the ISO text (format_utc_iso(unix_seconds, time.millis) gives it): what
// the event path uses, since it stores the instant and formats only when read.
struct ResolvedInstant {
  std::optional<UnixSeconds> unix_seconds;
  TimeQuality quality = TimeQuality::Exact;
};
ResolvedInstant resolve_instant(const LogTime& time, std::optional<UnixSeconds> reference);

// Month abbreviation ("Jun", "jun") to 1..12, or 0.
int month_from_name(std::string_view name);
// "03:02:31", "3:02:31", "03:02:31.123456" (any fraction length, kept as millis): fills the
// time of day of `t`; false (t unchanged or partly set) when `s` is not one.
bool parse_time_of_day(std::string_view s, LogTime& t);
// Zone abbreviation to its offset in minutes, for the few zones devices print unambiguously.
std::optional<int> zone_offset_minutes(std::string_view zone);

std::string format_utc_iso(UnixSeconds seconds, int millis = 0);
// The reverse: "2026-11-20T09:14:07Z" or with ".532" millis -> unix seconds (millis dropped).
std::optional<UnixSeconds> parse_utc_iso(std::string_view iso);
UnixSeconds days_from_civil_seconds(int year, int month, int day, int hour, int minute, int second);

}  // namespace st::parse
