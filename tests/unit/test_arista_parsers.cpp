#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "parse/arista/arista_parsers.h"
#include "parse/parser_registry.h"

using namespace st::parse;

namespace {

std::string_view at(std::string_view output, st::ByteRange r) { return output.substr(r.offset, r.length); }

SectionInput input(std::string_view output, std::string_view command) {
  return SectionInput{output, "arista_eos", command};
}

constexpr std::string_view kVersion =
    "Arista DCS-7050SX3-48YC12\n"
    "Hardware version: 11.02\n"
    "Serial number: JPE20481234\n"
    "Hardware MAC address: 444c.a8d1.2b3c\n"
    "System MAC address: 444c.a8d1.2b3c\n"
    "\n"
    "Software image version: 4.28.3M\n"
    "Architecture: i686\n"
    "Internal build version: 4.28.3M-28837868.4283M\n"
    "Internal build ID: 0f9b1c2e-3f57-4c1c-8d3a-7b4e8c1a2f10\n"
    "Image format version: 3.0\n"
    "Image optimization: Strata-4GB\n"
    "\n"
    "Uptime: 3 weeks, 0 days, 20 hours and 45 minutes\n"
    "Total memory: 8099732 kB\n"
    "Free memory: 5937456 kB\n";

}  // namespace

TEST_CASE("arista show version: facts and generic record", "[arista]") {
  auto r = arista::parse_show_version(input(kVersion, "show version"));
  REQUIRE(r);
  REQUIRE(r->facts);
  CHECK(r->facts->vendor == "arista");
  CHECK(r->facts->platform == "arista_eos");
  CHECK(r->facts->model == "DCS-7050SX3-48YC12");
  CHECK(r->facts->os_version == "4.28.3M");
  CHECK(r->facts->serial == "JPE20481234");
  CHECK(r->facts->uptime == "3 weeks, 0 days, 20 hours and 45 minutes");
  CHECK_FALSE(r->facts->hostname);
  CHECK(at(kVersion, r->facts->source).starts_with("Arista DCS-7050SX3-48YC12\n"));
  CHECK(at(kVersion, r->facts->source).ends_with("Free memory: 5937456 kB"));
  REQUIRE(r->records.size() == 1);
  CHECK(r->records[0].row["sys_mac"] == "444c.a8d1.2b3c");
  CHECK(r->records[0].row["total_memory"] == "8099732");
}

TEST_CASE("arista show version: refuses other output, errors and empty output", "[arista]") {
  CHECK_FALSE(arista::parse_show_version(input("Port Name Status\n", "show version")));
  CHECK_FALSE(arista::parse_show_version(input("% Invalid input\n", "show version")));
  auto empty = arista::parse_show_version(input("\n", "show version"));
  REQUIRE(empty);
  CHECK_FALSE(empty->facts);
}

TEST_CASE("arista show interfaces status: ports, members, flags and odd names", "[arista]") {
  constexpr std::string_view out =
      "Port       Name                  Status       Vlan     Duplex Speed  Type            Flags Encapsulation\n"
      "Et1        server-01 eth0        connected    10       full   10G    10GBASE-SR\n"
      "Et2                              notconnect   10       auto   auto   10GBASE-T\n"
      "Et3        disabled by ops       disabled     routed   auto   auto   10GBASE-T\n"
      "Et4        bpdu                  errdisabled  20       full   10G    10GBASE-SR\n"
      "Et49/1     spine-1 Et1           connected    in Po1   full   100G   100GBASE-SR4\n"
      "Et50/1                           notconnect   in Po1   full   100G   Not Present\n"
      "Po1        to spines             connected    trunk    full   200G   N/A\n"
      "Ma1                              connected    routed   a-full a-1G   10/100/1000\n";
  auto r = arista::parse_show_interfaces_status(input(out, "show interfaces status"));
  REQUIRE(r);
  CHECK(r->warnings.empty());
  REQUIRE(r->interfaces.size() == 8);
  const auto& et1 = r->interfaces[0];
  CHECK(et1.name == "Et1");
  CHECK(et1.description == "server-01 eth0");
  CHECK(et1.status == "connected");
  CHECK(et1.vlan == "10");
  CHECK(et1.speed == "10G");
  CHECK(et1.type == "10GBASE-SR");
  CHECK(at(out, et1.source).starts_with("Et1        server-01"));
  CHECK_FALSE(r->interfaces[1].description);
  CHECK(r->interfaces[2].description == "disabled by ops");
  CHECK(r->interfaces[2].status == "disabled");
  CHECK(r->interfaces[2].vlan == "routed");
  CHECK(r->interfaces[3].status == "errdisabled");
  CHECK(r->interfaces[4].name_raw == "Et49/1");
  CHECK(r->interfaces[4].vlan == "Po1");
  CHECK(r->interfaces[5].type == "Not Present");
  CHECK(r->interfaces[6].name == "Po1");
  CHECK(r->interfaces[6].vlan == "trunk");
  CHECK(r->interfaces[7].name_raw == "Ma1");
  CHECK(r->interfaces[7].duplex == "a-full");
  CHECK(at(out, r->interfaces[7].source) ==
        "Ma1                              connected    routed   a-full a-1G   10/100/1000");
}

TEST_CASE("arista show logging: BSD and ISO times, host and agent skipped, kinds", "[arista]") {
  constexpr std::string_view out =
      "Syslog logging: enabled\n"
      "    Buffer logging: level debugging\n"
      "\n"
      "Log Buffer:\n"
      "Nov 20 08:51:12 leaf1 Ebra: %LINEPROTO-5-UPDOWN: Line protocol on Interface Ethernet6, changed state to down\n"
      "Nov 20 08:51:14 leaf1 Ebra: %LINK-3-UPDOWN: Interface Ethernet6, changed state to up\n"
      "2026-11-20T08:51:12.345678+00:00 leaf1 ConfigAgent: %SYS-5-CONFIG_I: Configured from console by admin on vty3 (10.0.0.5)\n"
      "2026-11-20T09:00:00.000000-05:00 leaf1 Stp: %SPANTREE-6-INTERFACE_DEL: Interface Ethernet7 has been removed\n"
      "    from instance MST0\n";
  const auto registry = ParserRegistry::with_builtins();
  const auto* entry = registry.find("arista_eos", "show logging");
  REQUIRE(entry);
  auto r = entry->parse(input(out, "show logging"));
  REQUIRE(r);
  REQUIRE(r->events.size() == 4);
  const auto& e0 = r->events[0];
  CHECK(e0.timestamp_raw == "Nov 20 08:51:12");
  CHECK(e0.time.month == 11);
  CHECK_FALSE(e0.time.year);
  CHECK(e0.message_id == "LINEPROTO-5-UPDOWN");
  CHECK(e0.severity == 5);
  CHECK(e0.message == "Line protocol on Interface Ethernet6, changed state to down");
  CHECK(e0.interface == "Et6");
  CHECK(e0.kind == "lineproto_down");
  CHECK(at(out, e0.source).starts_with("Nov 20 08:51:12 leaf1 Ebra: %LINEPROTO"));
  CHECK(r->events[1].kind == "link_up");
  const auto& e2 = r->events[2];
  CHECK(e2.timestamp_raw == "2026-11-20T08:51:12.345678+00:00");
  CHECK(e2.time.year == 2026);
  CHECK(e2.time.millis == 345);
  CHECK(e2.time.utc_offset_minutes == 0);
  CHECK(e2.facility == "SYS");
  CHECK(e2.kind == "config_change");
  const auto& e3 = r->events[3];
  CHECK(e3.time.utc_offset_minutes == -300);
  CHECK(e3.message == "Interface Ethernet7 has been removed\n    from instance MST0");
  CHECK(at(out, e3.source).ends_with("from instance MST0"));
  CHECK(e3.kind == "stp_change");
}

TEST_CASE("arista show logging: refuses unrelated output", "[arista]") {
  CHECK_FALSE(arista::parse_show_logging(input("Port Name Status Vlan\nEt1 x y\n", "show logging")));
}

TEST_CASE("arista show clock: EOS 4.2x layout with a Timezone line", "[arista][show_clock]") {
  constexpr std::string_view kClock =
      "Thu Nov 20 09:00:36 2026\n"
      "Timezone: UTC\n"
      "Clock source: NTP server (10.10.99.1)\n";
  const auto registry = ParserRegistry::with_builtins();
  const auto* entry = registry.find("arista_eos", "show clock");
  REQUIRE(entry != nullptr);
  CHECK(entry->id == "builtin:arista_eos/show_clock");
  auto r = entry->parse(input(kClock, "show clock"));
  REQUIRE(r);
  REQUIRE(r->clock);
  CHECK(r->clock->raw == "Thu Nov 20 09:00:36 2026");
  const LogTime& t = r->clock->time;
  CHECK(t.year == 2026);
  CHECK(t.month == 11);
  CHECK(t.day == 20);
  CHECK(t.hour == 9);
  CHECK(t.minute == 0);
  CHECK(t.second == 36);
  CHECK(t.utc_offset_minutes == 0);
  CHECK(r->skipped_lines == 0);
  CHECK(r->warnings.empty());
  const auto resolved = resolve(t, std::nullopt);
  CHECK(resolved.quality == TimeQuality::Exact);
  CHECK(resolved.utc_iso == "2026-11-20T09:00:36Z");
}

TEST_CASE("arista show clock: older layout, a padded day, zones by name and offset", "[arista][show_clock]") {
  SECTION("'timezone is' with a region name: kept, resolved as UTC assumed") {
    auto r = arista::parse_show_clock(input("Mon Jan 14 18:42:49 2013\ntimezone is US/Central\n", "show clock"));
    REQUIRE(r);
    REQUIRE(r->clock);
    CHECK_FALSE(r->clock->time.utc_offset_minutes);
    const auto resolved = resolve(r->clock->time, std::nullopt);
    CHECK(resolved.quality == TimeQuality::ZoneAssumed);
    CHECK(resolved.utc_iso == "2013-01-14T18:42:49Z");
  }
  SECTION("a one-digit day is padded with a blank; CRLF; a known abbreviation converts") {
    auto r = arista::parse_show_clock(input("Sun Mar  1 07:05:09 2026\r\nTimezone: CET\r\n", "show clock"));
    REQUIRE(r);
    CHECK(r->clock->raw == "Sun Mar  1 07:05:09 2026");
    CHECK(r->clock->time.utc_offset_minutes == 60);
    CHECK(resolve(r->clock->time, std::nullopt).utc_iso == "2026-03-01T06:05:09Z");
  }
  SECTION("no zone line at all: UTC assumed") {
    auto r = arista::parse_show_clock(input("Fri Nov 20 09:00:36 2026\n", "show clock"));
    REQUIRE(r);
    CHECK(resolve(r->clock->time, std::nullopt).quality == TimeQuality::ZoneAssumed);
  }
}

TEST_CASE("arista show clock: refuses errors and other output, warns on empty output", "[arista][show_clock]") {
  CHECK_FALSE(arista::parse_show_clock(input("% Invalid input\n", "show clock")));
  // The IOS layout is not EOS's.
  CHECK_FALSE(arista::parse_show_clock(input("09:00:36.002 UTC Fri Nov 20 2026\n", "show clock")));
  CHECK_FALSE(arista::parse_show_clock(input("Fri Nox 20 09:00:36 2026\n", "show clock")));
  CHECK_FALSE(arista::parse_show_clock(input("Fri Nov 20 25:00:36 2026\n", "show clock")));
  auto empty = arista::parse_show_clock(input("\n", "show clock"));
  REQUIRE(empty);
  CHECK_FALSE(empty->clock);
  CHECK(empty->warnings.size() == 1);
}

TEST_CASE("arista show logging: a relayed copy reads the same after its syslog priority", "[arista]") {
  constexpr std::string_view out =
      "Log Buffer:\n"
      "<165>Jan 14 19:02:51 spine2 Ebra: %LINEPROTO-5-UPDOWN: Line protocol on Interface Ethernet31, changed state to down\n"
      "<12>x not a message\n";
  const auto registry = ParserRegistry::with_builtins();
  const auto* entry = registry.find("arista_eos", "show logging");
  REQUIRE(entry);
  auto r = entry->parse(input(out, "show logging"));
  REQUIRE(r);
  REQUIRE(r->events.size() == 1);
  CHECK(r->events[0].timestamp_raw == "Jan 14 19:02:51");
  CHECK(r->events[0].message_id == "LINEPROTO-5-UPDOWN");
  CHECK(r->events[0].interface == "Et31");
  CHECK(r->events[0].kind == "lineproto_down");
  CHECK(at(out, r->events[0].source).starts_with("<165>Jan 14"));
  // The line that is no message continues the one before it.
  CHECK(r->events[0].message.ends_with("\n<12>x not a message"));
}
