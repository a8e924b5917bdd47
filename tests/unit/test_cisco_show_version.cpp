// Cisco IOS `show version` through the shipped rule (rules/parsers/cisco_ios_show_version.json,
// which replaced the C++ parser): device facts, the ntc-compatible generic record, and the
// stack members of the stack table and the "Switch 0N" blocks.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "parse/cisco/cli_error.h"
#include "parse/line_cursor.h"
#include "rules/registry_setup.h"

using namespace st::parse;

namespace {

std::string_view at(std::string_view output, st::ByteRange r) {
  return output.substr(r.offset, r.length);
}

// The registry an ingest builds (built-ins and the shipped rules).
const ParserRegistry& registry() {
  static const ParserRegistry r = [] {
    auto built = st::rules::build_registry(st::rules::RegistrySources{});
    REQUIRE(built);
    return std::move(*built);
  }();
  return r;
}

st::Result<ParseResult> run(std::string_view output) {
  const ParserEntry* entry = registry().find("cisco_ios", "show version");
  REQUIRE(entry != nullptr);
  return entry->parse(SectionInput{output, "cisco_ios", "show version"});
}

// The stack member `number` of a result, null when absent.
const ObjectRecord* member(const ParseResult& r, std::string_view number) {
  for (const auto& o : r.objects) {
    if (o.kind->name == "stack_member" && o.value("switch") == std::optional<std::string>(number)) return &o;
  }
  return nullptr;
}

std::size_t members(const ParseResult& r) {
  std::size_t n = 0;
  for (const auto& o : r.objects) n += o.kind->name == "stack_member" ? 1 : 0;
  return n;
}

std::string crlf(std::string_view lf) {
  std::string out;
  for (char c : lf) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// A two-member C9300 stack on IOS-XE 17.9.
constexpr std::string_view kC9300Stack = R"(Cisco IOS XE Software, Version 17.09.04a
Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4a, RELEASE SOFTWARE (fc3)
Technical Support: http://www.cisco.com/techsupport
Copyright (c) 1986-2023 by Cisco Systems, Inc.
Compiled Fri 20-Oct-23 10:44 by mcpre


Cisco IOS-XE software, Copyright (c) 2005-2023 by cisco Systems, Inc.
All rights reserved.  Certain components of Cisco IOS-XE software are
licensed under the GNU General Public License ("GPL") Version 2.0.


ROM: IOS-XE ROMMON
BOOTLDR: System Bootstrap, Version 17.8.1r[FC1], RELEASE SOFTWARE (P)

BLD-2-IDF-SW01 uptime is 1 year, 4 weeks, 2 days, 3 hours, 17 minutes
Uptime for this control processor is 1 year, 4 weeks, 2 days, 3 hours, 20 minutes
System returned to ROM by Reload Command at 08:02:11 UTC Tue Oct 17 2023
System restarted at 08:09:47 UTC Tue Oct 17 2023
System image file is "flash:packages.conf"
Last reload reason: Reload Command

cisco C9300-48P (X86) processor with 1331521K/6147K bytes of memory.
Processor board ID FOC2418L0QZ
2 Virtual Ethernet interfaces
96 Gigabit Ethernet interfaces
16 Ten Gigabit Ethernet interfaces
2048K bytes of non-volatile configuration memory.

Base Ethernet MAC Address          : 3c:13:cc:8a:11:00
Motherboard Assembly Number        : 73-17954-06
Motherboard Serial Number          : FOC24170JPR
Model Revision Number              : B0
Motherboard Revision Number        : A0
Model Number                       : C9300-48P
System Serial Number               : FOC2418L0QZ


Switch Ports Model              SW Version        SW Image              Mode
------ ----- -----              ----------        ----------            ----
*    1 65    C9300-48P          17.9.4a           CAT9K_IOSXE           INSTALL
     2 65    C9300-48P          17.9.4a           CAT9K_IOSXE           INSTALL


Switch 02
---------
Switch uptime                      : 1 year, 4 weeks, 2 days, 3 hours, 19 minutes

Base Ethernet MAC Address          : 3c:13:cc:8a:52:80
Motherboard Assembly Number        : 73-17954-06
Motherboard Serial Number          : FOC24170K11
Model Revision Number              : B0
Motherboard Revision Number        : A0
Model Number                       : C9300-48P
System Serial Number               : FOC2418L1AB

Configuration register is 0x102
)";

// A standalone 2960-X on classic IOS 15.2.
constexpr std::string_view kC2960X = R"(Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(4)E8, RELEASE SOFTWARE (fc3)
Technical Support: http://www.cisco.com/techsupport
Copyright (c) 1986-2019 by Cisco Systems, Inc.
Compiled Fri 15-Mar-19 14:13 by prod_rel_team

ROM: Bootstrap program is C2960X boot loader
BOOTLDR: C2960X Boot Loader (C2960X-HBOOT-M) Version 15.2(3r)E1, RELEASE SOFTWARE (fc1)

acc-sw-3f uptime is 2 years, 31 weeks, 6 days, 9 hours, 55 minutes
System returned to ROM by power-on
System restarted at 09:09:22 CET Tue Apr 9 2019
System image file is "flash:c2960x-universalk9-mz.152-4.E8/c2960x-universalk9-mz.152-4.E8.bin"
Last reload reason: power-on

cisco WS-C2960X-48FPD-L (APM86XXX) processor (revision B0) with 524288K bytes of memory.
Processor board ID FOC1930S0RK
Last reset from power-on
1 Virtual Ethernet interface
52 Gigabit Ethernet interfaces
2 Ten Gigabit Ethernet interfaces
The password-recovery mechanism is enabled.

512K bytes of flash-simulated non-volatile configuration memory.
Base ethernet MAC Address       : 70:10:5C:A1:B2:80
Motherboard assembly number     : 73-14200-05
Model number                    : WS-C2960X-48FPD-L
System serial number            : FOC1930S0RK

Switch Ports Model                     SW Version            SW Image
------ ----- -----                     ----------            ----------
*    1 52    WS-C2960X-48FPD-L         15.2(4)E8             C2960X-UNIVERSALK9-M


Configuration register is 0xF
)";

}  // namespace

TEST_CASE("show version: C9300 stack on IOS-XE 17.9", "[cisco][show_version]") {
  const auto result = run(kC9300Stack);
  REQUIRE(result);
  REQUIRE(result->facts);
  const DeviceFacts& f = *result->facts;
  CHECK(f.vendor == "cisco");
  CHECK(f.platform == "cisco_ios");
  CHECK(f.hostname == "BLD-2-IDF-SW01");
  CHECK(f.model == "C9300-48P");
  CHECK(f.os_version == "17.9.4a");
  CHECK(f.serial == "FOC2418L0QZ");
  CHECK(f.uptime == "1 year, 4 weeks, 2 days, 3 hours, 17 minutes");
  // The facts cover the first used line through the last one.
  CHECK(at(kC9300Stack, f.source).starts_with("Cisco IOS Software [Cupertino]"));
  CHECK(at(kC9300Stack, f.source).ends_with("Configuration register is 0x102"));

  REQUIRE(result->records.size() == 1);
  const auto& row = result->records[0].row;
  CHECK(row.at("software_image") == "CAT9K_IOSXE");
  CHECK(row.at("release") == "fc3");
  CHECK(row.at("rommon") == "IOS-XE");
  CHECK(row.at("running_image") == "packages.conf");
  CHECK(row.at("reload_reason") == "Reload Command");
  CHECK(row.at("restarted") == "08:09:47 UTC Tue Oct 17 2023");
  CHECK(row.at("config_register") == "0x102");
  CHECK(row.at("uptime_years") == "1");
  CHECK(row.at("uptime_weeks") == "4");
  CHECK(row.at("uptime_days") == "2");
  CHECK(row.at("uptime_hours") == "3");
  CHECK(row.at("uptime_minutes") == "17");
  // First member from the processor line, the others from their "Switch 0N" blocks.
  CHECK(row.at("hardware") == nlohmann::json::array({"C9300-48P", "C9300-48P"}));
  CHECK(row.at("serial") == nlohmann::json::array({"FOC2418L0QZ", "FOC2418L1AB"}));
  CHECK(row.at("mac_address") ==
        nlohmann::json::array({"3c:13:cc:8a:11:00", "3c:13:cc:8a:52:80"}));
  CHECK(row.at("kind") == "cisco_ios/show_version");
  CHECK(f.reload_reason == "Reload Command");
  CHECK(result->warnings.empty());

  // Stack members: the table gives model and software version, the starred switch is the
  // active one (its serial and MAC from the top block), "Switch 02" gives that member's.
  REQUIRE(members(*result) == 2);
  const ObjectRecord* one = member(*result, "1");
  const ObjectRecord* two = member(*result, "2");
  REQUIRE(one != nullptr);
  REQUIRE(two != nullptr);
  CHECK(one->value("role") == "active");
  CHECK(one->value("model") == "C9300-48P");
  CHECK(one->value("version") == "17.9.4a");
  CHECK(one->value("serial") == "FOC2418L0QZ");
  CHECK(one->value("mac") == "3c13.cc8a.1100");
  CHECK_FALSE(two->value("role"));
  CHECK(two->value("model") == "C9300-48P");
  CHECK(two->value("version") == "17.9.4a");
  CHECK(two->value("serial") == "FOC2418L1AB");
  CHECK(two->value("mac") == "3c13.cc8a.5280");
}

TEST_CASE("show version: C2960X on IOS 15.2 with CRLF line ends", "[cisco][show_version]") {
  const std::string output = crlf(kC2960X);
  const auto result = run(output);
  REQUIRE(result);
  REQUIRE(result->facts);
  const DeviceFacts& f = *result->facts;
  CHECK(f.hostname == "acc-sw-3f");
  CHECK(f.model == "WS-C2960X-48FPD-L");
  CHECK(f.os_version == "15.2(4)E8");
  CHECK(f.serial == "FOC1930S0RK");
  CHECK(f.uptime == "2 years, 31 weeks, 6 days, 9 hours, 55 minutes");
  // No '\r' leaks into values or the end of the range.
  CHECK(at(output, f.source).ends_with("Configuration register is 0xF"));

  const auto& row = result->records.at(0).row;
  CHECK(row.at("rommon") == "Bootstrap");
  CHECK(row.at("reload_reason") == "power-on");
  CHECK(row.at("restarted") == "09:09:22 CET Tue Apr 9 2019");
  CHECK(row.at("running_image") ==
        "c2960x-universalk9-mz.152-4.E8/c2960x-universalk9-mz.152-4.E8.bin");
  CHECK(row.at("config_register") == "0xF");
  CHECK(row.at("hardware") == nlohmann::json::array({"WS-C2960X-48FPD-L"}));
  CHECK(row.at("mac_address") == nlohmann::json::array({"70:10:5C:A1:B2:80"}));
  CHECK(row.at("uptime_years") == "2");
  CHECK(f.reload_reason == "power-on");
  // A standalone switch is a one-member stack.
  REQUIRE(members(*result) == 1);
  CHECK(member(*result, "1")->value("model") == "WS-C2960X-48FPD-L");
  CHECK(member(*result, "1")->value("serial") == "FOC1930S0RK");
}

TEST_CASE("show version: special builds and test images", "[cisco][show_version]") {
  const std::string_view special =
      "Cisco IOS Software [Fuji], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.5, "
      "CUST-SPECIAL:V169_5_SR689355441_2\n"
      "rtr-edge-01 uptime is 3 weeks, 6 days, 32 minutes\n";
  const auto a = run(special);
  REQUIRE(a);
  CHECK(a->facts->os_version == "16.9.5");
  CHECK(a->records.at(0).row.at("release") == "V169_5_SR689355441_2");
  CHECK(a->records.at(0).row.at("uptime_hours").is_null());
  CHECK_FALSE(a->facts->model);

  const std::string_view weekly =
      "Cisco IOS Software, vios_l2 Software (vios_l2-ADVENTERPRISEK9-M), Version 15.2(4.0.55)E, "
      "TEST ENGINEERING ESTG_WEEKLY BUILD, synced to  END_OF_FLO_ISP\n"
      "Cisco IOSv () processor (revision 1.0) with 935161K/111616K bytes of memory.\n";
  const auto b = run(weekly);
  REQUIRE(b);
  CHECK(b->facts->os_version == "15.2(4.0.55)E");
  CHECK(b->records.at(0).row.at("release").is_null());
  CHECK(b->facts->model == "IOSv");
  // No stack table: no stack member.
  CHECK(members(*a) == 0);
  CHECK(members(*b) == 0);
}

// Ingest fails a section the CLI rejected before any parser sees it (ingest/file_parser.cpp),
// naming the reply; the rule refuses the reply too.
TEST_CASE("show version: the CLI's error reply fails the section", "[cisco][show_version]") {
  const std::string_view output =
      "                 ^\n% Invalid input detected at '^' marker.\n\n";
  const auto rejected = cisco::find_cli_error(output);
  REQUIRE(rejected);
  CHECK(rejected->text == "% Invalid input detected at '^' marker.");
  CHECK(rejected->offset == 19);
  const auto result = run(output);
  REQUIRE_FALSE(result);
  CHECK(result.error().kind == st::ErrorKind::Parse);
}

// A blank output is "no output" at ingest (never parsed); the rule, which requires a record,
// refuses it as it refuses another command's output.
TEST_CASE("show version: output of another command is refused", "[cisco][show_version]") {
  const auto result = run("Port      Name   Status\nGi1/0/1          connected\n");
  REQUIRE_FALSE(result);
  CHECK(result.error().kind == st::ErrorKind::Parse);

  CHECK(is_blank("\n\n"));
  const auto empty = run("\n\n");
  REQUIRE_FALSE(empty);
  CHECK(empty.error().kind == st::ErrorKind::Parse);
}

TEST_CASE("registry: built-in cisco_ios parsers are registered", "[cisco][registry]") {
  const auto registry = ParserRegistry::with_builtins();
  // show version is the shipped rule's now.
  CHECK(registry.find("cisco_ios", "show version") == nullptr);
  const ParserEntry* rule = ::registry().find("cisco_ios", "show version");
  REQUIRE(rule != nullptr);
  CHECK(rule->origin == ParserOrigin::Shipped);
  for (const auto& [command, id] : {
           std::pair{"show interfaces status", "builtin:cisco_ios/show_interfaces_status"},
           std::pair{"show logging", "builtin:cisco_ios/show_logging"},
           std::pair{"show clock", "builtin:cisco_ios/show_clock"},
       }) {
    const ParserEntry* entry = registry.find("cisco_ios", command);
    REQUIRE(entry != nullptr);
    CHECK(entry->id == id);
    CHECK(entry->origin == ParserOrigin::BuiltIn);
    CHECK(entry->parse);
  }
  CHECK(registry.find("juniper_junos", "show version") == nullptr);
  const auto via_registry = rule->parse({kC2960X, "cisco_ios", "show version"});
  REQUIRE(via_registry);
  CHECK(via_registry->facts->hostname == "acc-sw-3f");
}
