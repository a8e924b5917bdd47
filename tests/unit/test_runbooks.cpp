#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "insights/runbook.h"
#include "insights/runbook_library.h"
#include "parse/command_catalog.h"
#include "rules/command_inventory.h"
#include "test_support.h"

#include <nlohmann/json.hpp>

using st::insights::parse_runbook;
using st::insights::RunbookFile;
using st::insights::RunbookLibrary;

namespace {

// A real-looking value for each placeholder, per platform: what an operator would type.
std::string substitute(std::string command, const std::string& platform) {
  static const std::map<std::string, std::string> kInterface{
      {"cisco_ios", "Gi1/0/5"}, {"arista_eos", "Ethernet5"}, {"ruckus_fastiron", "1/1/5"}};
  const std::map<std::string, std::string> values{
      {"<interface>", kInterface.at(platform)}, {"<vlan>", "20"}, {"<mac>", "0011.2233.4455"}};
  for (const auto& [placeholder, value] : values) {
    for (auto at = command.find(placeholder); at != std::string::npos; at = command.find(placeholder)) {
      command.replace(at, placeholder.size(), value);
    }
  }
  return command;
}

// Commands each platform has that its inventory (rules/commands/<platform>.json, the commands a
// good capture holds) does not list: the diagnostic commands runbooks name next. Each is the
// vendor's documented syntax; a command of one vendor listed under another fails the test.
const std::map<std::string, std::set<std::string>>& allow_list() {
  static const std::map<std::string, std::set<std::string>> list{
      {"cisco_ios",
       {"terminal length 0", "show interfaces <interface>", "show interfaces <interface> transceiver detail",
        "show interfaces counters errors", "show interfaces trunk", "show interfaces status err-disabled",
        "show running-config interface <interface>", "show derived-config interface <interface>",
        "show archive log config all", "show access-session interface <interface> details",
        "show authentication sessions interface <interface> details", "show aaa servers",
        "show radius server-group all", "show errdisable recovery", "show errdisable detect",
        "show spanning-tree detail", "show spanning-tree root", "show spanning-tree summary",
        "show spanning-tree vlan <vlan>", "show power inline <interface> detail", "show environment power",
        "show mac address-table address <mac>", "show mac address-table interface <interface>", "show vlan <vlan>",
        "show switch stack-ports summary", "show cdp neighbors <interface> detail", "show etherchannel summary",
        "show users", "show login failures", "show ip arp"}},
      {"arista_eos",
       {"terminal length 0", "show interfaces <interface>", "show interfaces <interface> transceiver detail",
        "show interfaces counters errors", "show interfaces trunk", "show interfaces status err-disabled",
        "show running-config interface <interface>", "show dot1x interface <interface>", "show errdisable recovery",
        "show spanning-tree detail", "show spanning-tree root", "show environment power", "show poe",
        "show poe interface <interface>", "show mac address-table address <mac>",
        "show mac address-table interface <interface>", "show vlan <vlan>", "show lldp neighbors <interface> detail",
        "show reload cause", "show mlag", "show mlag detail", "show port-channel summary", "show users",
        "show aaa counters", "show ip arp"}},
      {"ruckus_fastiron",
       {"skip-page-display", "show interfaces <interface>", "show running-config interface <interface>",
        "show statistics <interface>", "show power inline <interface>", "show media <interface>",
        "show optic <interface>", "show aaa", "show who", "show arp", "show errdisable summary", "show errdisable recovery",
        "show link-error-disable all", "show spanning-tree detail", "show spanning-tree vlan <vlan>",
        "show mac address-table address <mac>", "show mac address-table interface <interface>", "show vlan <vlan>",
        "show stack detail", "show lag"}},
  };
  return list;
}

const std::string kGood = R"(---
signatures: [port-flapping, link-flap]
title: Port flapping
severity: warning
escalation:
  contact: Network on-call
  sla: "4h"
  cue: Call if an uplink flaps.
needs: [show logging, show interfaces]
---
# Port flapping

## Symptoms
- Link goes down and up.

## Required checks
- [ ] identify-port: Read the description.
- [ ] error-counters: Look at CRC errors
  and input errors.

## Expected outcomes
- It stops.

## Next commands
### Brocade FastIron
- `show interfaces ethernet <interface>`
### Cisco IOS-XE
- `show interfaces <interface>` -- errors
- `show logging | include <interface>`
### Arista EOS
- `show interfaces <interface>`
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

st::Error parse_error(const std::string& text, const std::string& file = "runbooks/port-flapping.md") {
  auto rb = parse_runbook(file, text);
  REQUIRE_FALSE(rb);
  CHECK(rb.error().file == file);
  return rb.error();
}

}  // namespace

TEST_CASE("runbooks: front matter, checklist and vendor commands are parsed", "[runbooks]") {
  auto rb = parse_runbook("runbooks/port-flapping.md", kGood);
  REQUIRE(rb);
  CHECK(rb->signatures == std::vector<std::string>{"port-flapping", "link-flap"});
  CHECK(rb->signature() == "port-flapping");
  CHECK(rb->title == "Port flapping");
  CHECK(rb->severity == "warning");
  CHECK(rb->escalation.contact == "Network on-call");
  CHECK(rb->escalation.sla == "4h");  // quotes stripped
  CHECK(rb->escalation.cue == "Call if an uplink flaps.");
  CHECK(rb->needs == std::vector<std::string>{"show logging", "show interfaces"});
  CHECK(rb->symptoms == "- Link goes down and up.");
  REQUIRE(rb->checks.size() == 2);
  CHECK(rb->checks[0].id == "identify-port");
  CHECK(rb->checks[0].line == 17);
  CHECK(rb->checks[1].text == "Look at CRC errors and input errors.");  // continuation line joined
  CHECK(rb->item("error-counters") == &rb->checks[1]);
  CHECK(rb->item("nope") == nullptr);
  CHECK(rb->expected_outcomes == "- It stops.");
  // Shipped vendor order, whatever the file's order.
  REQUIRE(rb->next_commands.size() == 3);
  CHECK(rb->next_commands[0].platform == "cisco_ios");
  CHECK(rb->next_commands[1].platform == "arista_eos");
  CHECK(rb->next_commands[2].platform == "ruckus_fastiron");
  CHECK(rb->commands_for("cisco_ios")->commands ==
        std::vector<std::string>{"show interfaces <interface>", "show logging | include <interface>"});
  CHECK(rb->commands_for("ruckus_fastiron")->lines == std::vector<std::size_t>{26});
  CHECK(rb->markdown == kGood);
}

TEST_CASE("runbooks: malformed runbooks are refused with the file and the line", "[runbooks]") {
  auto no_front = parse_error("# Port flapping\n");
  CHECK(no_front.line == 1u);
  CHECK_THAT(no_front.message, Catch::Contains("front matter"));

  auto unknown_key = parse_error(replace(kGood, "title: Port flapping", "titel: Port flapping"));
  CHECK(unknown_key.line == 3u);
  CHECK_THAT(unknown_key.message, Catch::Contains("unknown front matter key 'titel'"));

  auto severity = parse_error(replace(kGood, "severity: warning", "severity: urgent"));
  CHECK(severity.line == 4u);
  CHECK_THAT(severity.message, Catch::Contains("urgent"));

  auto no_id = parse_error(replace(kGood, "- [ ] identify-port: Read", "- [ ] Read"));
  CHECK(no_id.line == 17u);
  CHECK_THAT(no_id.message, Catch::Contains("needs an id"));

  auto twice = parse_error(replace(kGood, "- [ ] error-counters:", "- [ ] identify-port:"));
  CHECK(twice.line == 18u);
  CHECK_THAT(twice.message, Catch::Contains("used twice"));

  auto bare = parse_error(replace(kGood, "- `show interfaces ethernet <interface>`", "- show interfaces ethernet <interface>"));
  CHECK(bare.line == 26u);
  CHECK_THAT(bare.message, Catch::Contains("backticks"));

  auto vendor = parse_error(replace(kGood, "### Arista EOS", "### Juniper"));
  CHECK_THAT(vendor.message, Catch::Contains("unknown vendor heading 'Juniper'"));

  auto no_vendor = parse_error(replace(kGood, "### Arista EOS\n- `show interfaces <interface>`\n", ""));
  CHECK_THAT(no_vendor.message, Catch::Contains("### Arista EOS"));

  auto no_cue = parse_error(replace(kGood, "  cue: Call if an uplink flaps.\n", ""));
  CHECK_THAT(no_cue.message, Catch::Contains("cue"));

  auto name = parse_error(kGood, "runbooks/link-flap.md");
  CHECK(name.line == 10u);  // the closing `---`
  CHECK_THAT(name.message, Catch::Contains("not the file's name 'link-flap'"));

  auto section = parse_error(replace(kGood, "## Expected outcomes", "## Outcomes"));
  CHECK_THAT(section.message, Catch::Contains("unknown section 'Outcomes'"));
}

TEST_CASE("runbooks: the library refuses a signature served twice and needs that are not canonical", "[runbooks]") {
  const std::string other = replace(replace(kGood, "signatures: [port-flapping, link-flap]", "signatures: [flaps, link-flap]"),
                                    "# Port flapping", "# Flaps");
  auto twice = RunbookLibrary::load({{"runbooks/port-flapping.md", kGood}, {"runbooks/flaps.md", other}});
  REQUIRE_FALSE(twice);
  CHECK(twice.error().file == "runbooks/flaps.md");
  CHECK(twice.error().line == 2u);
  CHECK_THAT(twice.error().message, Catch::Contains("'link-flap' is already served by runbooks/port-flapping.md"));

  auto abbreviated = RunbookLibrary::load(
      {{"runbooks/port-flapping.md", replace(kGood, "needs: [show logging, show interfaces]", "needs: [sh log]")}});
  REQUIRE_FALSE(abbreviated);
  CHECK(abbreviated.error().line == 9u);
  CHECK_THAT(abbreviated.error().message, Catch::Contains("write 'show logging'"));

  auto ok = RunbookLibrary::load({{"runbooks/port-flapping.md", kGood}});
  REQUIRE(ok);
  CHECK(ok->find("link-flap") == &ok->runbooks().front());
  CHECK(ok->find("stp-storm") == nullptr);
}

TEST_CASE("runbooks: the shipped set covers every signature with a complete runbook", "[runbooks]") {
  auto library = RunbookLibrary::shipped();
  REQUIRE(library);
  const std::set<std::string> expected{
      "port-flapping", "auth-failures", "auth-server-dead", "missing-auth-template", "unexpected-shutdown",
      "err-disable", "stp-topology-change", "stp-root-change", "power-supply-failure", "poe-fault",
      "optics-alarm", "duplex-mismatch", "crc-errors-growing", "device-reload", "vlan-removed-in-use",
      "mac-flapping", "stack-member-lost", "neighbor-lost", "missing-parser-template", "missing-show-commands",
      "power-failure-sequence", "stp-storm", "stack-flap-storm", "upstream-outage", "environment-alarm",
      "login-failures", "duplicate-ip-address", "fault-cleared"};
  std::set<std::string> shipped;
  for (const auto& rb : (*library)->runbooks()) {
    shipped.insert(rb.signature());
    CHECK(rb.file == "runbooks/" + rb.signature() + ".md");
    CHECK(rb.checks.size() >= 3);
  }
  CHECK(shipped == expected);
  const auto* rb = (*library)->find("optics-alarm");
  REQUIRE(rb);
  CHECK(rb->item("far-end") != nullptr);
  CHECK(std::find(rb->needs.begin(), rb->needs.end(), "show interfaces transceiver") != rb->needs.end());
}

TEST_CASE("runbooks: every next command resolves in the catalog and is one its vendor has", "[runbooks]") {
  auto library = RunbookLibrary::shipped();
  REQUIRE(library);
  auto inventories = st::rules::shipped_command_inventories();
  REQUIRE(inventories);
  std::size_t checked = 0;
  for (const auto& rb : (*library)->runbooks()) {
    for (const auto& vendor : rb.next_commands) {
      const auto inventory = std::find_if(inventories->begin(), inventories->end(),
                                          [&](const auto& i) { return i.platform == vendor.platform; });
      REQUIRE(inventory != inventories->end());
      for (std::size_t i = 0; i < vendor.commands.size(); ++i) {
        const std::string typed = substitute(vendor.commands[i], vendor.platform);
        INFO(rb.file << ":" << vendor.lines[i] << " " << vendor.heading << ": `" << typed << "`");
        CHECK(typed.find('<') == std::string::npos);  // every placeholder is a documented one
        auto canonical = st::parse::canonical_command(typed);
        REQUIRE(canonical);
        const bool inventoried = std::any_of(inventory->commands.begin(), inventory->commands.end(),
                                             [&](const auto& c) { return c.satisfied_by(canonical->canonical); });
        CHECK((inventoried || allow_list().at(vendor.platform).contains(canonical->canonical)));
        ++checked;
      }
    }
  }
  CHECK(checked > 200);
}

TEST_CASE("catalog: commands with an interface, VLAN or MAC argument", "[catalog]") {
  auto canonical = [](std::string_view typed) {
    auto c = st::parse::canonical_command(typed);
    return c ? c->canonical : std::string("<none>");
  };
  CHECK(canonical("show interfaces Gi1/0/5") == "show interfaces <interface>");
  CHECK(canonical("sh int GigabitEthernet1/0/5") == "show interfaces <interface>");
  CHECK(canonical("show interfaces Ethernet5") == "show interfaces <interface>");
  CHECK(canonical("show interfaces ethernet 1/1/5") == "show interfaces <interface>");
  CHECK(canonical("show interfaces Te1/1/1 transceiver detail") == "show interfaces <interface> transceiver detail");
  CHECK(canonical("show interfaces status errdisabled") == "show interfaces status err-disabled");
  CHECK(canonical("show access-session interface Gi1/0/5 details") == "show access-session interface <interface> details");
  CHECK(canonical("show inline power 1/1/5") == "show power inline <interface>");
  CHECK(canonical("show power inline Gi1/0/5 detail") == "show power inline <interface> detail");
  CHECK(canonical("show span vlan 20") == "show spanning-tree vlan <vlan>");
  CHECK(canonical("show vlan id 20") == "show vlan <vlan>");
  CHECK(canonical("show mac address-table address 0011.2233.4455") == "show mac address-table address <mac>");
  CHECK(canonical("show mac-address 00:11:22:33:44:55") == "show mac address-table address <mac>");
  CHECK(canonical("show running-config interface ethernet 1/1/5") == "show running-config interface <interface>");
  // Arguments are checked: a keyword is not an interface, 5000 is not a VLAN, 11 hex digits not a MAC.
  CHECK(canonical("show interfaces stauts") == "<none>");
  CHECK(canonical("show vlan id 5000") == "<none>");
  CHECK(canonical("show mac address-table address 0011.2233.445") == "<none>");
  // Commands without arguments keep their canonical spelling.
  CHECK(canonical("show interfaces status") == "show interfaces status");
  CHECK(canonical("show interfaces transceiver") == "show interfaces transceiver");
}

TEST_CASE("catalog: a captured command with an argument is recognised, and unparsed until a parser exists",
          "[catalog][cli]") {
  st::test::TempDir dir;
  std::string capture = st::test::access_switch_capture("SW1");
  const std::string one_port =
      "SW1#show interfaces Gi1/0/1\n"
      "GigabitEthernet1/0/1 is up, line protocol is up (connected)\n"
      "  Hardware is Gigabit Ethernet, address is 00a3.d14f.2a01 (bia 00a3.d14f.2a01)\n"
      "     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored\n";
  capture.insert(capture.rfind("SW1#exit"), one_port);
  st::test::write_file(dir / "bundle/SW1.log", capture);
  REQUIRE(st::test::run_cli(dir, "ingest '" + (dir / "bundle").string() + "'").status == 0);
  auto listed = st::test::run_cli(dir, "sections --json");
  REQUIRE(listed.status == 0);
  auto sections = nlohmann::json::parse(listed.out);
  auto it = std::find_if(sections.begin(), sections.end(),
                         [](const auto& s) { return s["command"] == "show interfaces Gi1/0/1"; });
  REQUIRE(it != sections.end());
  CHECK((*it)["canonical_command"] == "show interfaces <interface>");
  CHECK((*it)["status"] == "unknown");
  CHECK((*it)["reason"] == "no parser for cisco_ios `show interfaces <interface>`");
}
