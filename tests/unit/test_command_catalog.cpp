#include <catch2/catch.hpp>

#include "parse/command_catalog.h"

using st::parse::canonical_command;

TEST_CASE("catalog: abbreviations and variants map to one canonical spelling", "[catalog]") {
  auto canonical = [](std::string_view typed) {
    auto c = canonical_command(typed);
    return c ? c->canonical : std::string("<none>");
  };
  CHECK(canonical("show version") == "show version");
  CHECK(canonical("sh ver") == "show version");
  CHECK(canonical("SH VER") == "show version");
  CHECK(canonical("sh int status") == "show interfaces status");
  CHECK(canonical("show interface status") == "show interfaces status");
  CHECK(canonical("show interfaces status") == "show interfaces status");
  CHECK(canonical("sh int stat err") == "show interfaces status err-disabled");
  CHECK(canonical("sh log") == "show logging");
  CHECK(canonical("sh vlan br") == "show vlan brief");
  CHECK(canonical("do show version") == "show version");
  CHECK(canonical("  show   clock  ") == "show clock");
  CHECK(canonical("show mac-address-table") == "show mac address-table");
  CHECK(canonical("show mac address-table") == "show mac address-table");
  CHECK(canonical("sh mac addr") == "show mac address-table");
  CHECK(canonical("sh mac add") == "show mac address-table");  // what IOS users type
  CHECK(canonical("show authentication sessions") == "show authentication sessions");
  CHECK(canonical("show authentication session") == "show authentication sessions");
  CHECK(canonical("sh auth sess") == "show authentication sessions");
  CHECK(canonical("show access-session") == "show access-session");
  CHECK(canonical("sh access-sess") == "show access-session");
  CHECK(canonical("show authentication sessions details") == "show authentication sessions details");
  CHECK(canonical("sh auth session det") == "show authentication sessions details");
  CHECK(canonical("show access-session details") == "show access-session details");
  CHECK(canonical("sh authen sess met mab det") == "show authentication sessions method mab details");
  CHECK(canonical("show authentication sessions method dot1x details") ==
        "show authentication sessions method dot1x details");
  CHECK(canonical("sh access-session method dot1x detail") == "show access-session method dot1x details");
  CHECK(canonical("sh span") == "show spanning-tree");
  CHECK(canonical("show spanning-tree") == "show spanning-tree");
  CHECK(canonical("sh power inline") == "show power inline");
  CHECK(canonical("sh pow in") == "show power inline");
  CHECK(canonical("show environment power") == "show environment power");
  CHECK(canonical("show environment power all") == "show environment power");
  CHECK(canonical("sh env pow all") == "show environment power");
  CHECK(canonical("show environment all") == "show environment all");
  CHECK(canonical("show switch detail") == "show switch detail");
  CHECK(canonical("sh swi det") == "show switch detail");
  CHECK(canonical("show switch") == "show switch");
  CHECK(canonical("show interface transceiver") == "show interfaces transceiver");
  // FastIron spellings.
  CHECK(canonical("show mac-address") == "show mac address-table");
  CHECK(canonical("show span") == "show spanning-tree");
  CHECK(canonical("show interfaces") == "show interfaces");
  CHECK(canonical("show dot1x sessions all") == "show dot1x sessions all");
  CHECK(canonical("show mac-authentication sessions all") == "show mac-authentication sessions all");
  CHECK(canonical("show dot1x mac-sessions") == "show dot1x mac-sessions");
  CHECK(canonical("show auth-mac-addresses") == "show auth-mac-addresses");
  CHECK(canonical("show stack") == "show stack");
  CHECK(canonical("show lldp neighbors detail") == "show lldp neighbors detail");
  CHECK(canonical("show authentication sessions all") == "show authentication sessions");
  CHECK(canonical("sh auth sess all") == "show authentication sessions");
  CHECK(canonical("show 802-1w") == "show 802-1w");
  CHECK(canonical("sh 802-1w") == "show 802-1w");
  CHECK(canonical("do show 802-1w vlan 10") == "show 802-1w");
  CHECK_FALSE(canonical_command("show 802-1w vlan"));  // the argument is required
  CHECK_FALSE(canonical_command("show authentication sessions ethernet"));
}

TEST_CASE("catalog: unknown and over-abbreviated commands are not guessed", "[catalog]") {
  CHECK_FALSE(canonical_command("s ver"));           // "s" alone is ambiguous on IOS
  CHECK_FALSE(canonical_command("show interfaces stauts"));
  CHECK_FALSE(canonical_command("show versions"));
  CHECK_FALSE(canonical_command("exit"));
  CHECK_FALSE(canonical_command(""));
}

TEST_CASE("catalog: output filters are kept and flagged", "[catalog]") {
  auto c = canonical_command("show logging | include LINK-3");
  REQUIRE(c);
  CHECK(c->canonical == "show logging");
  CHECK(c->filter == "| include LINK-3");
  // A port or VLAN argument narrows the table too: the scope is kept the same way.
  auto port = canonical_command("show authentication sessions ethernet 1/1/5");
  REQUIRE(port);
  CHECK(port->canonical == "show authentication sessions");
  CHECK(port->filter == "ethernet 1/1/5");
  auto both = canonical_command("sh auth sess eth 1/1/5 | include permit");
  REQUIRE(both);
  CHECK(both->canonical == "show authentication sessions");
  CHECK(both->filter == "eth 1/1/5 | include permit");
  auto unit = canonical_command("show authentication session unit 2");
  REQUIRE(unit);
  CHECK(unit->filter == "unit 2");
  // IOS prints one interface's sessions in the details layout, not the table: not this command.
  CHECK_FALSE(canonical_command("show authentication sessions interface Gi1/0/5"));
  auto vlan = canonical_command("show 802-1w vlan 20");
  REQUIRE(vlan);
  CHECK(vlan->canonical == "show 802-1w");
  CHECK(vlan->filter == "vlan 20");
  CHECK(canonical_command("show authentication sessions all")->filter.empty());
  auto plain = canonical_command("show logging");
  REQUIRE(plain);
  CHECK(plain->filter.empty());
}
