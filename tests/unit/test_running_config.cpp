// The running-config parser (three dialects), FastIron port ranges, and what is derived from
// a configuration: auth template, compliance, location parts.
#include <catch2/catch.hpp>

#include "model/auth_template.h"
#include "model/compliance.h"
#include "model/location.h"
#include "parse/port_ranges.h"
#include "parse/config/running_config_parser.h"
#include "rules/compliance_templates.h"

using namespace st;

namespace {

const parse::ObjectRecord* port(const parse::ParseResult& r, std::string_view name) {
  for (const auto& o : r.objects) {
    if (o.value("interface") == std::optional<std::string>(std::string(name))) return &o;
  }
  return nullptr;
}

constexpr std::string_view kCiscoConfig =
    "Building configuration...\n"
    "\n"
    "Current configuration : 9251 bytes\n"
    "!\n"
    "version 17.9\n"
    "hostname HQ-B1-ACC-02\n"
    "!\n"
    "aaa new-model\n"
    "aaa authentication dot1x default group ISE\n"
    "dot1x system-auth-control\n"
    "!\n"
    "interface GigabitEthernet1/0/1\n"
    " description Desk 1.14 (user)\n"
    " switchport access vlan 20\n"
    " switchport mode access\n"
    " switchport voice vlan 30\n"
    " authentication host-mode multi-domain\n"
    " authentication port-control auto\n"
    " mab\n"
    " dot1x pae authenticator\n"
    " spanning-tree portfast\n"
    "!\n"
    "interface GigabitEthernet1/0/2\n"
    " description Printer 2\n"
    " switchport access vlan 20\n"
    " switchport mode access\n"
    " authentication port-control auto\n"
    " dot1x pae authenticator\n"
    "!\n"
    "interface GigabitEthernet1/0/3\n"
    " switchport access vlan 999\n"
    " switchport mode access\n"
    " shutdown\n"
    "!\n"
    "interface TenGigabitEthernet1/1/1\n"
    " description uplink HQ-CORE-DST-01 Te1/0/5\n"
    " switchport trunk native vlan 999\n"
    " switchport trunk allowed vlan 20,30\n"
    " switchport trunk allowed vlan add 99\n"
    " switchport mode trunk\n"
    "!\n"
    "snmp-server location bldg=B1;floor=2;room=2.14;rack=R3\n"
    "end\n";

}  // namespace

TEST_CASE("running-config: IOS interface stanzas, globals and location", "[config]") {
  auto r = parse::config::parse_running_config({kCiscoConfig, "cisco_ios", "show running-config"});
  REQUIRE(r);
  REQUIRE(r->config);
  CHECK(r->config->hostname == "HQ-B1-ACC-02");
  CHECK(r->config->location == "bldg=B1;floor=2;room=2.14;rack=R3");
  CHECK(r->config->auth_globals == std::vector<std::string>{"aaa new-model", "aaa authentication dot1x default group ISE",
                                                           "dot1x system-auth-control"});
  REQUIRE(r->objects.size() == 4);
  const auto* gi1 = port(*r, "Gi1/0/1");
  REQUIRE(gi1);
  CHECK(gi1->value("description") == "Desk 1.14 (user)");
  CHECK(gi1->value("mode") == "access");
  CHECK(gi1->value("access_vlan") == "20");
  CHECK(gi1->value("voice_vlan") == "30");
  CHECK(gi1->value("auth_commands") ==
        "authentication host-mode multi-domain\nauthentication port-control auto\nmab\ndot1x pae authenticator");
  // The stanza is the printed text, and the object's source is its byte range.
  const std::string stanza = *gi1->value("stanza");
  CHECK(stanza.starts_with("interface GigabitEthernet1/0/1\n description"));
  CHECK(stanza.ends_with(" spanning-tree portfast"));
  CHECK(kCiscoConfig.substr(gi1->source.offset, gi1->source.length) == stanza);
  CHECK(port(*r, "Gi1/0/3")->value("shutdown") == "yes");
  const auto* uplink = port(*r, "Te1/1/1");
  CHECK(uplink->value("mode") == "trunk");
  CHECK(uplink->value("native_vlan") == "999");
  CHECK(uplink->value("allowed_vlans") == "20,30,99");
}

TEST_CASE("running-config: FastIron VLAN blocks, port ranges and the authentication block", "[config]") {
  constexpr std::string_view config =
      "Current configuration:\n"
      "!\n"
      "ver 08.0.95dT213\n"
      "!\n"
      "vlan 1 name DEFAULT-VLAN by port\n"
      "!\n"
      "vlan 20 name USERS by port\n"
      " tagged ethe 1/2/1\n"
      " untagged ethe 1/1/1 to 1/1/4 ethe 1/1/7\n"
      "!\n"
      "vlan 30 name VOICE by port\n"
      " tagged ethe 1/1/1 to 1/1/2 ethe 1/2/1\n"
      "!\n"
      "authentication\n"
      " auth-default-vlan 20\n"
      " dot1x enable\n"
      " dot1x enable ethe 1/1/1 to 1/1/4\n"
      " dot1x port-control auto ethe 1/1/1 to 1/1/3\n"
      " mac-authentication enable\n"
      " mac-authentication enable ethe 1/1/1 to 1/1/2\n"
      "!\n"
      "hostname HQ-F2-ACC-01\n"
      "snmp-server location Building HQ2, Floor 2, Room 2.07\n"
      "!\n"
      "interface ethernet 1/1/1\n"
      " port-name Desk 2.07-01\n"
      " dual-mode 20\n"
      "!\n"
      "interface ethernet 1/1/4\n"
      " port-name spare\n"
      " disable\n"
      "!\n"
      "end\n";
  auto r = parse::config::parse_running_config({config, "ruckus_fastiron", "show running-config"});
  REQUIRE(r);
  REQUIRE(r->config);
  CHECK(r->config->hostname == "HQ-F2-ACC-01");
  const auto* p1 = port(*r, "1/1/1");
  REQUIRE(p1);
  CHECK(p1->value("description") == "Desk 2.07-01");
  CHECK(p1->value("access_vlan") == "20");
  CHECK(p1->value("mode") == "trunk");  // tagged in VLAN 30 (voice) as well
  CHECK(p1->value("auth_commands") == "dot1x enable\ndot1x port-control auto\nmac-authentication enable");
  CHECK(model::classify_auth_template("ruckus_fastiron", *p1->value("auth_commands")) == "flexible");
  const auto* p3 = port(*r, "1/1/3");
  REQUIRE(p3);  // named only by the VLAN and auth blocks
  CHECK(p3->value("mode") == "access");
  CHECK(model::classify_auth_template("ruckus_fastiron", *p3->value("auth_commands")) == "dot1x");
  CHECK(port(*r, "1/1/4")->value("shutdown") == "yes");
  CHECK(port(*r, "1/1/7")->value("access_vlan") == "20");
  CHECK(port(*r, "1/1/5") == nullptr);
}

TEST_CASE("running-config: FastIron port ranges expand over the last number", "[config]") {
  using parse::expand_port_ranges;
  CHECK(expand_port_ranges("ethe 1/1/1 to 1/1/3 ethe 1/2/1") == std::vector<std::string>{"1/1/1", "1/1/2", "1/1/3", "1/2/1"});
  CHECK(expand_port_ranges("ethernet 2/1/10 to 2/1/12") == std::vector<std::string>{"2/1/10", "2/1/11", "2/1/12"});
  CHECK(expand_port_ranges("ethe 1/1/5") == std::vector<std::string>{"1/1/5"});
  // A range across slots is not expanded (kept as its two ends).
  CHECK(expand_port_ranges("ethe 1/1/5 to 1/2/1") == std::vector<std::string>{"1/1/5", "1/2/1"});
}

TEST_CASE("auth template: each vendor's spelling of 802.1X and MAB", "[config]") {
  using model::classify_auth_template;
  CHECK(classify_auth_template("cisco_ios", "authentication port-control auto\nmab\ndot1x pae authenticator") == "flexible");
  CHECK(classify_auth_template("cisco_ios", "access-session port-control auto\nmab\ndot1x pae authenticator") == "flexible");
  CHECK(classify_auth_template("cisco_ios", "authentication port-control auto\ndot1x pae authenticator") == "dot1x");
  CHECK(classify_auth_template("cisco_ios", "authentication port-control auto\nmab") == "macauth");
  CHECK(classify_auth_template("cisco_ios", "dot1x port-control auto") == "dot1x");  // IOS 12.2 style
  CHECK(classify_auth_template("cisco_ios", "mab\ndot1x pae authenticator") == "open");  // never enforced
  CHECK(classify_auth_template("cisco_ios", "") == "open");
  CHECK(classify_auth_template("arista_eos", "dot1x pae authenticator\ndot1x port-control auto\ndot1x mac based authentication") ==
        "flexible");
  CHECK(classify_auth_template("ruckus_fastiron", "mac-authentication enable") == "macauth");
}

TEST_CASE("compliance: shipped templates load, and a port is held to its platform's default", "[config]") {
  auto set = rules::shipped_compliance_templates();
  REQUIRE(set);
  for (std::string_view platform : {"cisco_ios", "arista_eos", "ruckus_fastiron"}) {
    INFO(platform);
    REQUIRE(set->default_for(platform));
    CHECK(set->default_for(platform)->name == "flexible");
  }
  CHECK(set->find("cisco_ios", "Flex-Auth") == set->default_for("cisco_ios"));
  const auto& flexible = *set->default_for("cisco_ios");
  auto good = model::check_compliance(flexible,
                                      "switchport mode access\naccess-session host-mode multi-domain\n"
                                      "access-session port-control auto\nmab\ndot1x pae authenticator");
  CHECK(good.status == "match");
  auto partial = model::check_compliance(flexible, "switchport mode access\nauthentication port-control auto\n"
                                                   "dot1x pae authenticator\nauthentication open");
  CHECK(partial.status == "mismatch");
  CHECK(partial.missing == std::vector<std::string>{"authentication host-mode multi-domain", "mab"});
  CHECK(partial.excluded == std::vector<std::string>{"authentication open"});
}

TEST_CASE("compliance: a broken template file names the file and pointer", "[config]") {
  auto bad = rules::load_compliance_templates("rules/compliance/x.json", R"({"platform": "x", "templates": [{"name": "a"}]})");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().describe().find("rules/compliance/x.json") != std::string::npos);
  CHECK(bad.error().describe().find("/templates/0") != std::string::npos);
  auto two = rules::load_compliance_templates(
      "y.json", R"({"platform": "x", "templates": [{"name": "a", "required": [], "default": true},
                                                  {"name": "b", "required": [], "default": true}]})");
  REQUIRE_FALSE(two);
  CHECK(two.error().message.find("more than one") != std::string::npos);
}

TEST_CASE("location: key-value text as operators write it", "[config]") {
  auto a = model::parse_location("bldg=B1;floor=2;room=2.14;rack=R3");
  CHECK(a.building == "B1");
  CHECK(a.floor == "2");
  CHECK(a.room == "2.14");
  CHECK(a.rack == "R3");
  CHECK_FALSE(a.row);
  auto b = model::parse_location("Building: HQ1, Floor: 3, Room: 301, Row C, Rack 12");
  CHECK(b.building == "HQ1");
  CHECK(b.floor == "3");
  CHECK(b.room == "301");
  CHECK(b.row == "C");
  CHECK(b.rack == "12");
  CHECK(model::parse_location("Main comms room, ground floor").empty());  // free text: no key has a value
  CHECK(model::parse_location("").empty());
}

#ifdef STATETRACE_CLI_PATH
#include <nlohmann/json.hpp>

#include "test_support.h"

// One access switch through ingest: the port facts on `interfaces --json` come from the
// config, the status table, the sessions, the MAC table and CDP together.
TEST_CASE("port facts: an ingest joins config, status, sessions, MAC table and CDP per port", "[config][cli]") {
  test::TempDir dir;
  const std::string h = "HQ-B1-ACC-02";
  test::write_file(
      dir / "bundle/sw.log",
      h + "#show interfaces status\n\n"
          "Port         Name               Status       Vlan       Duplex  Speed Type\n"
          "Gi1/0/1      Desk 1.14 (user)   connected    20         a-full a-1000 10/100/1000BaseTX\n"
          "Gi1/0/2      Printer 2          connected    20         a-full a-1000 10/100/1000BaseTX\n"
          "Gi1/0/3                         disabled     999          auto   auto 10/100/1000BaseTX\n"
          "Te1/1/1      uplink HQ-CORE-DST connected    trunk        full    10G SFP-10GBase-SR\n" +
          h + "#show running-config\n" + std::string(kCiscoConfig) +
          h + "#show authentication sessions\n\n"
              "Interface                MAC Address    Method  Domain  Status Fg  Session ID\n"
              "--------------------------------------------------------------------------------------------\n"
              "Gi1/0/1                  0cd0.f8a1.22e0 dot1x   DATA    Auth        0A0B0C14000000A1B2C3D4E5\n"
              "Gi1/0/2                  b4a9.fc10.7a41 dot1x   DATA    Unauth      0A0B0C14000000A7B2C3D501\n" +
          h + "#show mac address-table\n"
              "          Mac Address Table\n"
              "-------------------------------------------\n\n"
              "Vlan    Mac Address       Type        Ports\n"
              "----    -----------       --------    -----\n"
              "  20    0cd0.f8a1.22e0    DYNAMIC     Gi1/0/1\n"
              "  30    0cd0.f8a1.22ff    DYNAMIC     Gi1/0/1\n"
              "  99    7c0e.ce11.2233    DYNAMIC     Te1/1/1\n"
              "Total Mac Addresses for this criterion: 3\n" +
          h + "#show cdp neighbors detail\n"
              "-------------------------\n"
              "Device ID: HQ-CORE-DST-01\n"
              "Entry address(es): \n"
              "  IP address: 10.10.0.1\n"
              "Platform: cisco C9500-24Y4C,  Capabilities: Router Switch IGMP \n"
              "Interface: TenGigabitEthernet1/1/1,  Port ID (outgoing port): TwentyFiveGigE1/0/5\n"
              "Holdtime : 142 sec\n\n" +
          h + "#exit\n");
  auto ingest = test::run_cli(dir, "ingest '" + (dir / "bundle").string() + "' --json");
  REQUIRE(ingest.status == 0);
  auto rows = nlohmann::json::parse(test::run_cli(dir, "interfaces --json").out);
  std::map<std::string, nlohmann::json> by_name;
  for (const auto& r : rows) by_name[r["name"]] = r;
  REQUIRE(by_name.size() == 4);

  const auto& desk = by_name["Gi1/0/1"];
  CHECK(desk["mode"] == "access");
  CHECK(desk["access_vlan"] == "20");
  CHECK(desk["voice_vlan"] == "30");
  CHECK(desk["port_type"] == "access");
  CHECK(desk["auth_template"] == "flexible");
  CHECK(desk["compliance"] == "match");
  CHECK(desk["missing_auth_commands"].empty());
  CHECK(desk["auth_state"] == "authorized");
  CHECK(desk["auth_method"] == "dot1x");
  CHECK(desk["learned_macs"] == nlohmann::json::array({"0cd0.f8a1.22e0", "0cd0.f8a1.22ff"}));
  CHECK(desk["site"] == "HQ");
  CHECK(desk["zone"] == "B1");
  CHECK(desk["building"] == "B1");
  CHECK(desk["room"] == "2.14");

  const auto& printer = by_name["Gi1/0/2"];
  CHECK(printer["auth_template"] == "dot1x");
  CHECK(printer["compliance"] == "mismatch");
  CHECK(printer["missing_auth_commands"] ==
        nlohmann::json::array({"authentication host-mode multi-domain", "mab"}));
  CHECK(printer["auth_state"] == "unauthorized");
  CHECK(printer["learned_macs"] == nlohmann::json::array());  // a MAC table was captured: none learned

  CHECK(by_name["Gi1/0/3"]["compliance"] == "unknown");  // shut, no auth: not judged
  const auto& uplink = by_name["Te1/1/1"];
  CHECK(uplink["mode"] == "trunk");
  CHECK(uplink["port_type"] == "uplink");  // a trunk with a CDP neighbor
  CHECK(uplink["compliance"] == "unknown");

  // Location filters: building from `snmp-server location`, zone from the hostname.
  CHECK(nlohmann::json::parse(test::run_cli(dir, "interfaces --building B1 --json").out).size() == 4);
  CHECK(nlohmann::json::parse(test::run_cli(dir, "interfaces --building B2 --json").out).empty());
  CHECK(nlohmann::json::parse(test::run_cli(dir, "macs --zone B1 --json").out).size() == 3);
  CHECK(nlohmann::json::parse(test::run_cli(dir, "neighbors --site HQ --json").out).size() == 1);
  auto devices = nlohmann::json::parse(test::run_cli(dir, "devices --json").out);
  CHECK(devices[0]["location"] == "bldg=B1;floor=2;room=2.14;rack=R3");
  CHECK(devices[0]["floor"] == "2");
  CHECK(devices[0]["rack"] == "R3");
}
#endif
