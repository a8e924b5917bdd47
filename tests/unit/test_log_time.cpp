#include <catch2/catch.hpp>

#include "parse/log_time.h"

using namespace st::parse;

namespace {

LogTime calendar(std::optional<int> year, int month, int day, int hour, int minute, int second,
                 int millis = 0, std::optional<int> offset = std::nullopt) {
  LogTime t;
  t.year = year;
  t.month = month;
  t.day = day;
  t.hour = hour;
  t.minute = minute;
  t.second = second;
  t.millis = millis;
  t.utc_offset_minutes = offset;
  return t;
}

// 2023-06-19T12:00:00Z
constexpr UnixSeconds kJune19Noon = 1687176000;

}  // namespace

TEST_CASE("days_from_civil_seconds matches the Unix epoch", "[log_time]") {
  CHECK(days_from_civil_seconds(1970, 1, 1, 0, 0, 0) == 0);
  CHECK(days_from_civil_seconds(2023, 6, 19, 3, 2, 31) == 1687143751);
  CHECK(days_from_civil_seconds(2000, 2, 29, 12, 0, 0) == 951825600);
  CHECK(days_from_civil_seconds(1969, 12, 31, 23, 59, 59) == -1);
  CHECK(days_from_civil_seconds(2024, 1, 1, 0, 0, 0) == 1704067200);
}

TEST_CASE("format_utc_iso prints seconds and optional millis", "[log_time]") {
  CHECK(format_utc_iso(0) == "1970-01-01T00:00:00Z");
  CHECK(format_utc_iso(1687143751) == "2023-06-19T03:02:31Z");
  CHECK(format_utc_iso(1687143751, 123) == "2023-06-19T03:02:31.123Z");
  CHECK(format_utc_iso(1687143751, 7) == "2023-06-19T03:02:31.007Z");
  CHECK(format_utc_iso(951825600) == "2000-02-29T12:00:00Z");
  CHECK(format_utc_iso(-1) == "1969-12-31T23:59:59Z");
}

TEST_CASE("month_from_name and zone_offset_minutes", "[log_time]") {
  CHECK(month_from_name("Jan") == 1);
  CHECK(month_from_name("jun") == 6);
  CHECK(month_from_name("DEC") == 12);
  CHECK(month_from_name("June") == 6);
  CHECK(month_from_name("Jux") == 0);
  CHECK(month_from_name("Ju") == 0);
  CHECK(month_from_name("") == 0);

  CHECK(zone_offset_minutes("UTC") == 0);
  CHECK(zone_offset_minutes("GMT") == 0);
  CHECK(zone_offset_minutes("Z") == 0);
  CHECK(zone_offset_minutes("EST") == -300);
  CHECK(zone_offset_minutes("EDT") == -240);
  CHECK(zone_offset_minutes("CST") == -360);
  CHECK(zone_offset_minutes("CDT") == -300);
  CHECK(zone_offset_minutes("PST") == -480);
  CHECK(zone_offset_minutes("PDT") == -420);
  CHECK(zone_offset_minutes("CET") == 60);
  CHECK(zone_offset_minutes("CEST") == 120);
  CHECK(zone_offset_minutes("+02:00") == 120);
  CHECK(zone_offset_minutes("-0530") == -330);
  CHECK(zone_offset_minutes("UTC+1") == 60);
  CHECK_FALSE(zone_offset_minutes("IST"));  // India, Ireland or Israel
  CHECK_FALSE(zone_offset_minutes("MET-DST"));
  CHECK_FALSE(zone_offset_minutes(""));
  CHECK_FALSE(zone_offset_minutes("+25:00"));
}

TEST_CASE("resolve: year and zone printed is exact", "[log_time]") {
  const auto r = resolve(calendar(2023, 6, 19, 3, 2, 31, 123, 0), std::nullopt);
  CHECK(r.quality == TimeQuality::Exact);
  CHECK(r.utc_iso == "2023-06-19T03:02:31.123Z");
  CHECK(r.unix_seconds == 1687143751);

  // 10:15 PST is 18:15 UTC.
  const auto pst = resolve(calendar(2023, 6, 19, 10, 15, 32, 0, -480), std::nullopt);
  CHECK(pst.quality == TimeQuality::Exact);
  CHECK(pst.utc_iso == "2023-06-19T18:15:32Z");

  // 00:30 CET on Jan 1 is the previous day in UTC.
  const auto cet = resolve(calendar(2024, 1, 1, 0, 30, 0, 0, 60), std::nullopt);
  CHECK(cet.utc_iso == "2023-12-31T23:30:00Z");
}

TEST_CASE("resolve: year without a known zone assumes UTC", "[log_time]") {
  const auto r = resolve(calendar(2023, 6, 19, 3, 2, 31), kJune19Noon);
  CHECK(r.quality == TimeQuality::ZoneAssumed);
  CHECK(r.utc_iso == "2023-06-19T03:02:31Z");
}

TEST_CASE("resolve: a yearless date takes the reference year or the one before",
          "[log_time]") {
  SECTION("same year when at or before the reference") {
    const auto r = resolve(calendar(std::nullopt, 6, 19, 3, 2, 31), kJune19Noon);
    CHECK(r.quality == TimeQuality::YearInferred);
    CHECK(r.utc_iso == "2023-06-19T03:02:31Z");
  }
  SECTION("a day of clock skew ahead is still this year") {
    const auto r = resolve(calendar(std::nullopt, 6, 20, 11, 0, 0), kJune19Noon);
    CHECK(r.utc_iso == "2023-06-20T11:00:00Z");
  }
  SECTION("further ahead than one day means last year") {
    const auto r = resolve(calendar(std::nullopt, 6, 21, 0, 0, 0), kJune19Noon);
    CHECK(r.utc_iso == "2022-06-21T00:00:00Z");
    const auto dec = resolve(calendar(std::nullopt, 12, 31, 23, 59, 59), kJune19Noon);
    CHECK(dec.utc_iso == "2022-12-31T23:59:59Z");
  }
  SECTION("Feb 29 goes back to a leap year") {
    const auto r = resolve(calendar(std::nullopt, 2, 29, 8, 0, 0), kJune19Noon);
    CHECK(r.utc_iso == "2020-02-29T08:00:00Z");
  }
  SECTION("a known zone is applied") {
    const auto r = resolve(calendar(std::nullopt, 6, 19, 3, 2, 31, 500, -300), kJune19Noon);
    CHECK(r.utc_iso == "2023-06-19T08:02:31.500Z");
  }
  SECTION("without a reference the year cannot be inferred") {
    const auto r = resolve(calendar(std::nullopt, 6, 19, 3, 2, 31), std::nullopt);
    CHECK(r.quality == TimeQuality::YearInferred);
    CHECK_FALSE(r.utc_iso);
    CHECK_FALSE(r.unix_seconds);
  }
}

TEST_CASE("resolve: uptime stamps and invalid dates have no timestamp", "[log_time]") {
  LogTime uptime;
  uptime.uptime_only = true;
  const auto r = resolve(uptime, kJune19Noon);
  CHECK(r.quality == TimeQuality::UptimeOnly);
  CHECK_FALSE(r.utc_iso);

  const auto bad = resolve(calendar(2023, 2, 30, 0, 0, 0, 0, 0), kJune19Noon);
  CHECK_FALSE(bad.utc_iso);
  const auto bad_month = resolve(calendar(2023, 13, 1, 0, 0, 0, 0, 0), kJune19Noon);
  CHECK_FALSE(bad_month.utc_iso);
}

TEST_CASE("to_string(TimeQuality)", "[log_time]") {
  CHECK(to_string(TimeQuality::Exact) == "exact");
  CHECK(to_string(TimeQuality::YearInferred) == "year_inferred");
  CHECK(to_string(TimeQuality::ZoneAssumed) == "zone_assumed");
  CHECK(to_string(TimeQuality::UptimeOnly) == "uptime_only");
}
