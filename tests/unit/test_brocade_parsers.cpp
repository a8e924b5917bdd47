#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "parse/brocade/brocade_parsers.h"
#include "parse/parser_registry.h"

using namespace st::parse;

namespace {

std::string_view at(std::string_view output, st::ByteRange r) { return output.substr(r.offset, r.length); }

SectionInput input(std::string_view output, std::string_view command) {
  return SectionInput{output, "ruckus_fastiron", command};
}

constexpr std::string_view kVersion =
    "  Copyright (c) Ruckus Networks, Inc. All rights reserved.\n"
    "    UNIT 1: compiled on Jun  3 2021 at 21:34:12 labeled as SPR08095d\n"
    "      (33554432 bytes) from Primary SPR08095d.bin (UFI)\n"
    "        SW: Version 08.0.95dT213\n"
    "      Compressed Primary Boot Code size = 786944, Version:10.1.18T225 (mnz10118)\n"
    "       Compiled on Mon Jan 25 03:00:42 2021\n"
    "\n"
    "  HW: Stackable ICX7150-48P\n"
    "==========================================================================\n"
    "UNIT 1: SL 1: ICX7150-48P POE 48-port Management Module\n"
    "      Serial  #:FEK3817P0AB\n"
    "      Software Package: ICX7150_L3_SOFT_PACKAGE   (LID: fwmINJOpFm2)\n"
    "      Current License: l3-prem-8X10G\n"
    "      P-ASIC  0: type B160, rev 11  Chip BCM56160_B0\n"
    "==========================================================================\n"
    "UNIT 1: SL 2: ICX7150-2X1GC 2-port 2G Module\n"
    "==========================================================================\n"
    " 1000 MHz ARM processor ARMv7 88 MHz bus\n"
    " 1024 MB DRAM\n"
    "The system uptime is 12 days 4 hours 2 minutes 11 seconds\n"
    "The system started at 04:49:01 GMT+00 Sun Nov 08 2026\n"
    "\n"
    "The system : started=warm start   reloaded=by \"reload\"\n";

}  // namespace

TEST_CASE("fastiron show version: facts from SW, HW, Serial and uptime lines", "[brocade]") {
  auto r = brocade::parse_show_version(input(kVersion, "show version"));
  REQUIRE(r);
  REQUIRE(r->facts);
  CHECK(r->facts->vendor == "ruckus");
  CHECK(r->facts->platform == "ruckus_fastiron");
  CHECK(r->facts->model == "ICX7150-48P");
  CHECK(r->facts->os_version == "08.0.95dT213");
  CHECK(r->facts->serial == "FEK3817P0AB");
  CHECK(r->facts->uptime == "12 days 4 hours 2 minutes 11 seconds");
  CHECK_FALSE(r->facts->hostname);
  CHECK(at(kVersion, r->facts->source).starts_with("  Copyright (c) Ruckus"));
  CHECK(at(kVersion, r->facts->source).ends_with("12 days 4 hours 2 minutes 11 seconds"));
  REQUIRE(r->records.size() == 1);
  CHECK(r->records[0].row["bootcode"][0] == "10.1.18T225 (mnz10118)");
  CHECK(r->records[0].row["model"].size() == 2);
}

TEST_CASE("fastiron show version: refuses other output", "[brocade]") {
  CHECK_FALSE(brocade::parse_show_version(input("Port Link State\n", "show version")));
  CHECK_FALSE(brocade::parse_show_version(input("Invalid input -> show versio\n", "show version")));
}

TEST_CASE("fastiron show interfaces brief: rows, status vocabulary, names with blanks", "[brocade]") {
  constexpr std::string_view out =
      "\n"
      "Port       Link    State   Dupl Speed Trunk Tag Pvid Pri MAC             Name\n"
      "1/1/1      Up      Forward Full 1G    None  No  20   0   609c.9f97.aaf8  Printer 2F\n"
      "1/1/2      Down    None    None None  None  No  20   0   609c.9f97.aaf9\n"
      "1/1/3      Disable None    None None  None  No  1    0   609c.9f97.aafa\n"
      "1/1/4      ERR-DIS None    None None  None  No  30   0   609c.9f97.aafb  AP-2F-EAST\n"
      "1/2/1      Up      Forward Full 10G   1     Yes N/A  0   609c.9f97.ab10  uplink\n"
      "mgmt1      Up      None    Full 1G    None  No  None 0   609c.9f97.aaf7\n";
  auto r = brocade::parse_show_interfaces_brief(input(out, "show interfaces brief"));
  REQUIRE(r);
  CHECK(r->warnings.empty());
  REQUIRE(r->interfaces.size() == 6);
  const auto& p1 = r->interfaces[0];
  CHECK(p1.name == "1/1/1");
  CHECK(p1.name_raw == "1/1/1");
  CHECK(p1.status == "connected");
  CHECK(p1.vlan == "20");
  CHECK(p1.duplex == "Full");
  CHECK(p1.speed == "1G");
  CHECK(p1.description == "Printer 2F");
  CHECK_FALSE(p1.type);
  CHECK(at(out, p1.source) ==
        "1/1/1      Up      Forward Full 1G    None  No  20   0   609c.9f97.aaf8  Printer 2F");
  CHECK(r->interfaces[1].status == "notconnect");
  CHECK_FALSE(r->interfaces[1].description);
  CHECK(r->interfaces[2].status == "disabled");
  CHECK(r->interfaces[3].status == "err-disabled");
  CHECK(r->interfaces[4].vlan == "N/A");
  CHECK(r->interfaces[5].name_raw == "mgmt1");
}

TEST_CASE("fastiron show logging: facility, severity, our message ids, kinds", "[brocade]") {
  constexpr std::string_view out =
      "Syslog logging: enabled ( 0 messages dropped, 0 flushes, 0 overruns)\n"
      "    Buffer logging: level ACDMEINW, 50 messages logged\n"
      "    level code: A=alert C=critical D=debugging M=emergency E=error\n"
      "                I=informational N=notification W=warning\n"
      "\n"
      "Static Log Buffer:\n"
      "Nov  8 04:49:12:A:System: Power supply 2 is down\n"
      "\n"
      "Dynamic Log Buffer (50 lines):\n"
      "Nov 20 08:51:12:I:System: Interface ethernet 1/1/5, state down\n"
      "Nov 20 08:51:12:N:PORT: 1/1/5 is down\n"
      "0d02h11m33s:I:System: Interface ethernet 1/1/5, state up\n"
      "Nov 20 08:51:12:W:DOT1X: Port 1/1/7 - mac 0050.56ab.0001 AuthControlledPortStatus change: unauthorized\n"
      "Nov 20 08:52:40:I:Security: startup-config was changed by admin from ssh client 10.0.0.9\n";
  const auto registry = ParserRegistry::with_builtins();
  const auto* entry = registry.find("ruckus_fastiron", "show logging");
  REQUIRE(entry);
  auto r = entry->parse(input(out, "show logging"));
  REQUIRE(r);
  REQUIRE(r->events.size() == 6);
  // A power supply that "is down" is hardware, not a link (docs/brocade-log-ids.md).
  CHECK(r->events[0].message_id == "SYSTEM-1-POWER_SUPPLY_DOWN");
  CHECK(r->events[0].kind == "power_fault");
  CHECK_FALSE(r->events[0].interface);
  const auto& e1 = r->events[1];
  CHECK(e1.timestamp_raw == "Nov 20 08:51:12");
  CHECK(e1.time.day == 20);
  CHECK(e1.facility == "SYSTEM");
  CHECK(e1.severity == 6);
  CHECK(e1.mnemonic == "LINK_DOWN");
  CHECK(e1.message_id == "SYSTEM-6-LINK_DOWN");
  CHECK(e1.message == "Interface ethernet 1/1/5, state down");
  CHECK(e1.interface == "1/1/5");
  CHECK(e1.kind == "link_down");
  CHECK(at(out, e1.source) == "Nov 20 08:51:12:I:System: Interface ethernet 1/1/5, state down");
  CHECK(r->events[2].message_id == "PORT-5-LINK_DOWN");
  CHECK(r->events[2].interface == "1/1/5");
  const auto& e3 = r->events[3];
  CHECK(e3.time.uptime_only);
  CHECK(e3.timestamp_raw == "0d02h11m33s");
  CHECK(e3.kind == "link_up");
  const auto& e4 = r->events[4];
  CHECK(e4.message_id == "DOT1X-4-MSG");
  CHECK(e4.interface == "1/1/7");
  CHECK(e4.kind == "auth_fail");
  CHECK(r->events[5].facility == "SECURITY");
  CHECK(r->events[5].kind == "config_change");
}

TEST_CASE("fastiron level letters and mnemonic rule", "[brocade]") {
  CHECK(brocade::severity_from_level('M') == 0);
  CHECK(brocade::severity_from_level('A') == 1);
  CHECK(brocade::severity_from_level('C') == 2);
  CHECK(brocade::severity_from_level('E') == 3);
  CHECK(brocade::severity_from_level('W') == 4);
  CHECK(brocade::severity_from_level('N') == 5);
  CHECK(brocade::severity_from_level('I') == 6);
  CHECK(brocade::severity_from_level('D') == 7);
  CHECK(brocade::severity_from_level('X') == -1);
  CHECK(brocade::derive_mnemonic("Interface ethernet 1/1/5, state DOWN") == "LINK_DOWN");
  CHECK(brocade::derive_mnemonic("1/1/5 is up") == "LINK_UP");
  CHECK(brocade::derive_mnemonic("image is downloaded") == "MSG");
  CHECK(brocade::derive_mnemonic("state update sent") == "MSG");
}

TEST_CASE("fastiron show clock: GMT plus the configured offset", "[brocade][show_clock]") {
  const auto registry = ParserRegistry::with_builtins();
  const auto* entry = registry.find("ruckus_fastiron", "show clock");
  REQUIRE(entry != nullptr);
  CHECK(entry->id == "builtin:ruckus_fastiron/show_clock");
  SECTION("GMT+00") {
    auto r = entry->parse(input("09:00:36.002 GMT+00 Fri Nov 20 2026\n", "show clock"));
    REQUIRE(r);
    REQUIRE(r->clock);
    CHECK(r->clock->raw == "09:00:36.002 GMT+00 Fri Nov 20 2026");
    const LogTime& t = r->clock->time;
    CHECK(t.year == 2026);
    CHECK(t.month == 11);
    CHECK(t.day == 20);
    CHECK(t.hour == 9);
    CHECK(t.second == 36);
    CHECK(t.millis == 2);
    CHECK(t.utc_offset_minutes == 0);
    const auto resolved = resolve(t, std::nullopt);
    CHECK(resolved.quality == TimeQuality::Exact);
    CHECK(resolved.utc_iso == "2026-11-20T09:00:36.002Z");
  }
  SECTION("a negative offset and a zero-padded day") {
    auto r = entry->parse(input("08:37:29.135 GMT-08 Mon Feb 01 2021\r\n", "show clock"));
    REQUIRE(r);
    CHECK(r->clock->time.utc_offset_minutes == -480);
    CHECK(resolve(r->clock->time, std::nullopt).utc_iso == "2021-02-01T16:37:29.135Z");
  }
  SECTION("a named zone is kept and resolved as UTC assumed") {
    auto r = entry->parse(input("15:42:21.110 Pacific Mon Jun 07 2021\n", "show clock"));
    REQUIRE(r);
    CHECK_FALSE(r->clock->time.utc_offset_minutes);
    CHECK(resolve(r->clock->time, std::nullopt).quality == TimeQuality::ZoneAssumed);
  }
}

TEST_CASE("fastiron show clock: refuses other output", "[brocade][show_clock]") {
  CHECK_FALSE(brocade::parse_show_clock(input("Invalid input -> sh clcok\nType ? for a list\n", "show clock")));
  CHECK_FALSE(brocade::parse_show_clock(input("Port       Link    State   Dupl Speed\n", "show clock")));
  CHECK_FALSE(brocade::parse_show_clock(input("09:00:36.002 GMT+00 Fri Nov 20 1969\n", "show clock")));
}

TEST_CASE("fastiron show logging: syslog-relay copies with a host and no level letter", "[brocade]") {
  constexpr std::string_view out =
      "Dynamic Log Buffer (50 lines):\n"
      "<14>Mar  3 22:14:09 ICX-IDF2 System: Interface ethernet 2/1/44, state down\n"
      "Mar  3 22:14:41 ICX-IDF2 System: Interface ethernet 2/1/44, state up\n"
      "Mar  3 22:20:05 ICX-IDF2 System: Power supply 2, rear power supply, failed\n"
      "Mar  3 22:31:50 ICX-IDF2 Security: SSH access by user ops from src IP 10.4.4.9 rejected, 3 attempt(s)\n"
      "Mar  3 22:32:00:W:System: Interface ethernet 2/1/45, state down\n";
  const auto registry = ParserRegistry::with_builtins();
  const auto* entry = registry.find("ruckus_fastiron", "show logging");
  REQUIRE(entry);
  auto r = entry->parse(input(out, "show logging"));
  REQUIRE(r);
  REQUIRE(r->events.size() == 5);
  const auto& e0 = r->events[0];
  CHECK(e0.timestamp_raw == "Mar  3 22:14:09");
  CHECK(e0.time.day == 3);
  CHECK(e0.facility == "SYSTEM");
  CHECK_FALSE(e0.severity);
  CHECK(e0.message_id == "SYSTEM-LINK_DOWN");
  CHECK(e0.message == "Interface ethernet 2/1/44, state down");
  CHECK(e0.interface == "2/1/44");
  CHECK(e0.kind == "link_down");
  CHECK(at(out, e0.source) == "<14>Mar  3 22:14:09 ICX-IDF2 System: Interface ethernet 2/1/44, state down");
  CHECK(r->events[1].kind == "link_up");
  CHECK(r->events[2].message_id == "SYSTEM-POWER_SUPPLY_DOWN");
  CHECK(r->events[2].kind == "power_fault");
  CHECK(r->events[3].facility == "SECURITY");
  CHECK(r->events[3].kind == "auth_fail");
  // The device's own layout still reads its level letter.
  CHECK(r->events[4].message_id == "SYSTEM-4-LINK_DOWN");
}
