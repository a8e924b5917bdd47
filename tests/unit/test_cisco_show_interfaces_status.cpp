#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "parse/cisco/cisco_parsers.h"

using namespace st::parse;

namespace {

std::string_view at(std::string_view output, st::ByteRange r) {
  return output.substr(r.offset, r.length);
}

st::Result<ParseResult> run(std::string_view output) {
  return cisco::parse_show_interfaces_status(
      SectionInput{output, "cisco_ios", "show interfaces status"});
}

const InterfaceRecord* find(const ParseResult& r, std::string_view name) {
  for (const auto& i : r.interfaces) {
    if (i.name == name) return &i;
  }
  return nullptr;
}

// IOS-XE 17.x C9300 stack: 13-wide Port column, descriptions cut at 18 characters.
constexpr std::string_view kC9300 =
    "\n"
    "Port         Name               Status       Vlan       Duplex  Speed Type\n"
    "Gi1/0/1      AP-B2-2F-01        connected    99         a-full a-1000 10/100/1000BaseTX\n"
    "Gi1/0/2      Sam's dock 2F-02   connected    10         a-full  a-100 10/100/1000BaseTX\n"
    "Gi1/0/3                         notconnect   10           auto   auto 10/100/1000BaseTX\n"
    "Gi1/0/4      connected to IDF p connected    10         a-full a-1000 10/100/1000BaseTX\n"
    "Gi1/0/5      Not connected - sp notconnect   10           auto   auto 10/100/1000BaseTX\n"
    "Gi1/0/6      UNUSED             disabled     10           auto   auto 10/100/1000BaseTX\n"
    "Gi1/0/7      Conf Rm 2B floor b err-disabled 10           auto   auto 10/100/1000BaseTX\n"
    "Gi1/0/8      Room 1.40 - 3 drop notconnect   10           auto   auto 10/100/1000BaseTX\n"
    "Te1/1/1      Po1 CORE-01 Twe1/0 connected    trunk        full    10G SFP-10GBase-SR\n"
    "Te1/1/3                         notconnect   1            full    10G Not Present\n"
    "Twe1/1/1                        notconnect   1            full    25G Not Present\n"
    "Ap1/0/1                         connected    1          a-full a-10G App-hosting port\n"
    "Po1          To CORE-01         connected    trunk      a-full a-10G \n";

}  // namespace

TEST_CASE("show interfaces status: C9300 IOS-XE table", "[cisco][show_interfaces_status]") {
  const auto result = run(kC9300);
  REQUIRE(result);
  REQUIRE(result->interfaces.size() == 13);
  CHECK(result->warnings.empty());
  CHECK(result->skipped_lines == 0);

  const auto& first = result->interfaces[0];
  CHECK(first.name_raw == "Gi1/0/1");
  CHECK(first.name == "Gi1/0/1");
  CHECK(first.description == "AP-B2-2F-01");
  CHECK(first.status == "connected");
  CHECK(first.vlan == "99");
  CHECK(first.duplex == "a-full");
  CHECK(first.speed == "a-1000");
  CHECK(first.type == "10/100/1000BaseTX");
  CHECK(at(kC9300, first.source) ==
        "Gi1/0/1      AP-B2-2F-01        connected    99         a-full a-1000 10/100/1000BaseTX");

  CHECK(find(*result, "Gi1/0/2")->description == "Sam's dock 2F-02");
  CHECK(find(*result, "Gi1/0/2")->speed == "a-100");
  CHECK_FALSE(find(*result, "Gi1/0/3")->description);
  CHECK(find(*result, "Gi1/0/3")->status == "notconnect");

  // Status words inside the description do not move the Status column.
  const auto* gi4 = find(*result, "Gi1/0/4");
  CHECK(gi4->description == "connected to IDF p");
  CHECK(gi4->status == "connected");
  const auto* gi5 = find(*result, "Gi1/0/5");
  CHECK(gi5->description == "Not connected - sp");
  CHECK(gi5->status == "notconnect");

  CHECK(find(*result, "Gi1/0/7")->status == "err-disabled");
  CHECK(find(*result, "Gi1/0/7")->description == "Conf Rm 2B floor b");
  CHECK(find(*result, "Gi1/0/8")->description == "Room 1.40 - 3 drop");

  const auto* te = find(*result, "Te1/1/1");
  CHECK(te->vlan == "trunk");
  CHECK(te->duplex == "full");
  CHECK(te->speed == "10G");
  CHECK(te->type == "SFP-10GBase-SR");
  CHECK(find(*result, "Te1/1/3")->type == "Not Present");
  CHECK(find(*result, "Twe1/1/1")->name_raw == "Twe1/1/1");
  CHECK(find(*result, "Ap1/0/1")->type == "App-hosting port");

  const auto& po = result->interfaces.back();
  CHECK(po.name == "Po1");
  CHECK(po.description == "To CORE-01");
  CHECK_FALSE(po.type);  // trailing blank only
  CHECK(at(kC9300, po.source).starts_with("Po1 "));
}

TEST_CASE("show interfaces status: classic IOS 2960 with CRLF", "[cisco][show_interfaces_status]") {
  const std::string output =
      "\r\n"
      "Port      Name               Status       Vlan       Duplex  Speed Type\r\n"
      "Fa0                          disabled     routed       auto   auto 10/100BaseTX\r\n"
      "Gi1/0/1   AP-B1-2F-01        connected    99         a-full a-1000 10/100/1000BaseTX\r\n"
      "Gi1/0/30  HVAC controller 2F connected    30         a-half   a-10 10/100/1000BaseTX\r\n"
      "Gi1/0/44  Desk 2F-44 (psec)  err-disabled 10           auto   auto 10/100/1000BaseTX\r\n"
      "Te1/0/1   CORE-01 Twe1/0/3   connected    trunk        full    10G SFP-10GBase-SR\r\n";
  const auto result = run(output);
  REQUIRE(result);
  REQUIRE(result->interfaces.size() == 5);
  const auto& fa0 = result->interfaces[0];
  CHECK(fa0.name == "Fa0");
  CHECK(fa0.vlan == "routed");
  CHECK(fa0.status == "disabled");
  CHECK_FALSE(fa0.description);
  CHECK(at(output, fa0.source) ==
        "Fa0                          disabled     routed       auto   auto 10/100BaseTX");
  const auto& hvac = result->interfaces[2];
  CHECK(hvac.duplex == "a-half");
  CHECK(hvac.speed == "a-10");
  CHECK(hvac.type == "10/100/1000BaseTX");  // no '\r'
  CHECK(result->interfaces[3].description == "Desk 2F-44 (psec)");
  CHECK(result->interfaces[4].description == "CORE-01 Twe1/0/3");
}

TEST_CASE("show interfaces status: rows that overflow their columns",
          "[cisco][show_interfaces_status]") {
  const std::string_view output =
      "Port      Name               Status       Vlan       Duplex  Speed Type\n"
      "Gi1/0/19  No Description     notconnect:    1         a-full  a-100 10/100/1000BaseTX\n"
      "Gi1/0/22  addl status text   notconnect: TD 1         a-full  a-100 10/100/1000BaseTX\n"
      "Fa1/6   test               notconnect   1            auto    auto 10/100BaseTX\n"
      "Gi1/0/21  Monitoring Port    monitoring   unassigned     a-full   auto 10/100/1000BaseT\n"
      "Twe1/0/4     * Device 3 *       connected    123,1234   a-full a-1000 10/100/1000BaseTX SFP\n"
      "Twe1/0/17    Device 5           connected    pvlan prom   full    10G SFP-10GBase-SR\n"
      "Po3       Wireless Controlle notconnect   unassigned   auto   auto \n";
  const auto result = run(output);
  REQUIRE(result);
  REQUIRE(result->interfaces.size() == 7);
  const auto& r = result->interfaces;
  CHECK(r[0].status == "notconnect");
  CHECK(r[0].vlan == "1");
  CHECK(r[0].description == "No Description");
  CHECK(r[1].status == "notconnect");
  CHECK(r[1].vlan == "1");
  CHECK(r[1].description == "addl status text");
  CHECK(r[2].name == "Fa1/6");
  CHECK(r[2].description == "test");
  CHECK(r[2].speed == "auto");
  CHECK(r[2].type == "10/100BaseTX");
  CHECK(r[3].vlan == "unassigned");
  CHECK(r[3].type == "10/100/1000BaseT");
  CHECK(r[4].description == "* Device 3 *");
  CHECK(r[4].vlan == "123,1234");
  CHECK(r[4].type == "10/100/1000BaseTX SFP");
  CHECK(r[5].vlan == "pvlan prom");
  CHECK(r[5].type == "SFP-10GBase-SR");
  CHECK(r[6].description == "Wireless Controlle");
  CHECK_FALSE(r[6].type);
  CHECK(at(output, r[2].source) ==
        "Fa1/6   test               notconnect   1            auto    auto 10/100BaseTX");
}

TEST_CASE("show interfaces status: the header's Status column decides between status words",
          "[cisco][show_interfaces_status]") {
  // "up 2 auto door" in the description reads as a valid "status vlan duplex speed" run.
  const std::string_view row =
      "Gi1/0/9   cam up 2 auto door notconnect   30           auto   auto 10/100/1000BaseTX\n";
  const std::string with_header =
      "Port      Name               Status       Vlan       Duplex  Speed Type\n" + std::string(row);
  const auto result = run(with_header);
  REQUIRE(result);
  REQUIRE(result->interfaces.size() == 1);
  CHECK(result->interfaces[0].description == "cam up 2 auto door");
  CHECK(result->interfaces[0].status == "notconnect");
  CHECK(result->interfaces[0].vlan == "30");
  CHECK(result->interfaces[0].type == "10/100/1000BaseTX");

  // Without the header only the first plausible status is available.
  const auto headerless = run(row);
  REQUIRE(headerless);
  CHECK(headerless->interfaces.at(0).status == "up");
}

TEST_CASE("show interfaces status: bad rows are reported, the rest is kept",
          "[cisco][show_interfaces_status]") {
  const std::string_view output =
      "Port      Name               Status       Vlan       Duplex  Speed Type\n"
      "Gi1/0/1   printer            connected    30         a-full  a-100 10/100/1000BaseTX\n"
      "Gi1/0/2   lab bench          sfpAbsentX   1            auto   auto 10/100/1000BaseTX\n"
      "@@@ garbled by a serial console\n"
      "Gi1/0/3                      notconnect   1            auto   auto 10/100/1000BaseTX\n";
  const auto result = run(output);
  REQUIRE(result);
  REQUIRE(result->interfaces.size() == 3);
  // An unknown status word: fields are cut at the header columns, with a warning.
  const auto& odd = result->interfaces[1];
  CHECK(odd.name == "Gi1/0/2");
  CHECK(odd.description == "lab bench");
  CHECK(odd.status == "sfpAbsentX");
  CHECK(odd.vlan == "1");
  CHECK(odd.duplex == "auto");
  CHECK(odd.speed == "auto");
  CHECK(odd.type == "10/100/1000BaseTX");
  REQUIRE(result->warnings.size() == 2);
  CHECK(at(output, result->warnings[0].at).starts_with("Gi1/0/2"));
  CHECK(at(output, result->warnings[1].at) == "@@@ garbled by a serial console");
  CHECK(result->skipped_lines == 1);
  CHECK(result->interfaces[2].name == "Gi1/0/3");
}

TEST_CASE("show interfaces status: without a header the rows still parse",
          "[cisco][show_interfaces_status]") {
  const auto result =
      run("Gi1/0/1   uplink             connected    trunk      a-full a-1000 10/100/1000BaseTX\n");
  REQUIRE(result);
  REQUIRE(result->interfaces.size() == 1);
  CHECK(result->interfaces[0].description == "uplink");
  CHECK(result->interfaces[0].vlan == "trunk");
}

TEST_CASE("show interfaces status: Nexus fc rows", "[cisco][show_interfaces_status]") {
  const auto result = run(
      "Port          Name               Status    Vlan      Duplex  Speed   Type\n"
      "fc2/1 is up    Port mode is NP\n"
      "fc2/5 is down (SFP not present)\n");
  REQUIRE(result);
  REQUIRE(result->interfaces.size() == 2);
  CHECK(result->interfaces[0].status == "up");
  CHECK_FALSE(result->interfaces[0].type);
  CHECK(result->interfaces[1].status == "down");
  CHECK(result->interfaces[1].type == "SFP not present");
}

TEST_CASE("show interfaces status: CLI error and foreign output fail",
          "[cisco][show_interfaces_status]") {
  const auto invalid = run("                    ^\n% Invalid input detected at '^' marker.\n");
  REQUIRE_FALSE(invalid);
  CHECK(invalid.error().kind == st::ErrorKind::Parse);
  CHECK(invalid.error().message == "% Invalid input detected at '^' marker.");

  const auto foreign = run("Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M)\n");
  REQUIRE_FALSE(foreign);
  CHECK(foreign.error().kind == st::ErrorKind::Parse);

  const auto empty = run("");
  REQUIRE(empty);
  CHECK(empty->interfaces.empty());
}
