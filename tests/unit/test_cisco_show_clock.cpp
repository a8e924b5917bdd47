#include <catch2/catch.hpp>

#include "parse/cisco/cisco_parsers.h"

using namespace st::parse;

namespace {

st::Result<ParseResult> run(std::string_view output) {
  return cisco::parse_show_clock(SectionInput{output, "cisco_ios", "show clock"});
}

}  // namespace

TEST_CASE("show clock: the four printed forms", "[cisco][show_clock]") {
  SECTION("'*' prefix: not authoritative, millis") {
    const auto r = run("*10:15:32.123 UTC Mon Jun 19 2023\n");
    REQUIRE(r);
    REQUIRE(r->clock);
    CHECK(r->clock->raw == "*10:15:32.123 UTC Mon Jun 19 2023");
    const LogTime& t = r->clock->time;
    CHECK(t.year == 2023);
    CHECK(t.month == 6);
    CHECK(t.day == 19);
    CHECK(t.hour == 10);
    CHECK(t.minute == 15);
    CHECK(t.second == 32);
    CHECK(t.millis == 123);
    CHECK(t.utc_offset_minutes == 0);
    const auto resolved = resolve(t, std::nullopt);
    CHECK(resolved.quality == TimeQuality::Exact);
    CHECK(resolved.utc_iso == "2023-06-19T10:15:32.123Z");
  }
  SECTION("'.' prefix") {
    const auto r = run(".10:15:32.123 UTC Mon Jun 19 2023\r\n");
    REQUIRE(r);
    CHECK(r->clock->raw == ".10:15:32.123 UTC Mon Jun 19 2023");
    CHECK(resolve(r->clock->time, std::nullopt).utc_iso == "2023-06-19T10:15:32.123Z");
  }
  SECTION("a known local zone is converted") {
    const auto r = run("10:15:32.123 PST Mon Jun 19 2023\n");
    REQUIRE(r);
    CHECK(r->clock->time.utc_offset_minutes == -480);
    CHECK(resolve(r->clock->time, std::nullopt).utc_iso == "2023-06-19T18:15:32.123Z");
  }
  SECTION("no millis") {
    const auto r = run("10:15:32 UTC Mon Jun 19 2023");
    REQUIRE(r);
    CHECK(r->clock->time.millis == 0);
    CHECK(resolve(r->clock->time, std::nullopt).utc_iso == "2023-06-19T10:15:32Z");
  }
  SECTION("an unknown zone is kept raw and assumed UTC") {
    const auto r = run("*22:16:13.004 MET-DST Wed May 1 2019\n");
    REQUIRE(r);
    CHECK_FALSE(r->clock->time.utc_offset_minutes);
    const auto resolved = resolve(r->clock->time, std::nullopt);
    CHECK(resolved.quality == TimeQuality::ZoneAssumed);
    CHECK(resolved.utc_iso == "2019-05-01T22:16:13.004Z");
  }
}

TEST_CASE("show clock detail: the time source line is not a problem", "[cisco][show_clock]") {
  const auto r = run("10:15:32.123 UTC Mon Jun 19 2023\nTime source is NTP\n");
  REQUIRE(r);
  CHECK(r->clock);
  CHECK(r->skipped_lines == 0);
}

TEST_CASE("show clock: errors and foreign output", "[cisco][show_clock]") {
  const auto invalid = run("          ^\n% Invalid input detected at '^' marker.\n");
  REQUIRE_FALSE(invalid);
  CHECK(invalid.error().kind == st::ErrorKind::Parse);
  CHECK(invalid.error().message == "% Invalid input detected at '^' marker.");

  const auto foreign = run("Gi1/0/1   connected   10   a-full a-1000 10/100/1000BaseTX\n");
  REQUIRE_FALSE(foreign);

  const auto bad_date = run("10:15:32.123 UTC Mon Jux 19 2023\n");
  REQUIRE_FALSE(bad_date);
}
