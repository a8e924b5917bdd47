// `statetrace-cli insights`, `clusters` and `rules` on real captures: the card's JSON contract
// (evidence text, runbook, escalation, missing commands in each vendor's syntax), the rule dry
// run, thresholds, the enabled flag, false positives, maintenance windows and --no-detect.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "test_support.h"

using namespace st;
using Json = nlohmann::json;

namespace {

// A Cisco access switch whose port Gi1/0/12 bounces three times in four minutes on `day`.
std::string flapping_capture(int day) {
  std::string log;
  for (int i = 0; i < 3; ++i) {
    log += fmt::format("{:06}: Nov {} 10:{:02}:05.100 UTC: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/12, changed state to down\n",
                       100 + 2 * i, day, 1 + 2 * i);
    log += fmt::format("{:06}: Nov {} 10:{:02}:09.400 UTC: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/12, changed state to up\n",
                       101 + 2 * i, day, 1 + 2 * i);
  }
  return fmt::format(
      "NYC-B2-ACC-07#show clock\n*10:30:00.000 UTC Wed Nov {} 2026\n"
      "NYC-B2-ACC-07#show logging\n"
      "Syslog logging: enabled (0 messages dropped, 0 messages rate-limited, 0 flushes, 0 overruns, xml disabled, filtering disabled)\n"
      "\nLog Buffer (102400 bytes):\n\n{}NYC-B2-ACC-07#exit\n",
      day, log);
}

Json json_of(const test::TempDir& dir, const std::string& args) {
  auto r = test::run_cli(dir, args);
  INFO(args << "\n" << r.err);
  REQUIRE(r.status == 0);
  return Json::parse(r.out);
}

void ingest(const test::TempDir& dir, const std::string& folder, const std::string& extra = "") {
  auto r = test::run_cli(dir, "ingest '" + (dir / folder).string() + "' " + extra);
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("insights: "));
}

std::vector<Json> cards_of(const Json& all, const std::string& rule) {
  std::vector<Json> out;
  for (const auto& c : all) {
    if (c.at("rule") == rule) out.push_back(c);
  }
  return out;
}

}  // namespace

TEST_CASE("insights CLI: a card's JSON holds the evidence, runbook, escalation and next commands", "[insights][cli]") {
  test::TempDir dir;
  test::write_file(dir / "run-1/ACC-07.log", flapping_capture(25));
  ingest(dir, "run-1");
  const Json all = json_of(dir, "insights --json");
  auto flaps = cards_of(all, "port-flapping");
  REQUIRE(flaps.size() == 1);
  const Json& card = flaps.front();
  CHECK(card.at("severity") == "warning");
  CHECK(card.at("signature") == "port-flapping");
  CHECK(card.at("device") == "NYC-B2-ACC-07");
  CHECK(card.at("objects") == Json::array({"Gi1/0/12"}));
  CHECK(card.at("summary") == "1 interface(s) changed link state up to 6 times within 10 minutes: Gi1/0/12");
  REQUIRE(card.at("evidence").size() == 6);
  const Json& first = card.at("evidence").at(0);
  CHECK(first.at("file") == "ACC-07.log");
  CHECK_THAT(first.at("text").get<std::string>(),
             Catch::StartsWith("000100: Nov 25 10:01:05.100 UTC: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/12"));
  // The evidence range is the line: `raw` prints exactly it.
  auto raw = test::run_cli(dir, fmt::format("raw --run 1 --file ACC-07.log --offset {} --length {}", first.at("offset").get<int>(),
                                            first.at("length").get<int>()));
  REQUIRE(raw.status == 0);
  CHECK(raw.out.starts_with(first.at("text").get<std::string>()));
  CHECK(card.at("runbook") == "runbooks/port-flapping.md");
  REQUIRE(card.at("escalation").is_object());
  CHECK_FALSE(card.at("escalation").at("contact").get<std::string>().empty());
  // The capture has no `show interfaces`: the card says to collect it, in IOS syntax.
  bool asks_interfaces = false;
  for (const auto& m : card.at("missing_commands")) asks_interfaces = asks_interfaces || m.at("syntax") == "show interfaces";
  CHECK(asks_interfaces);
  CHECK(card.at("cluster").is_null());
  CHECK(card.at("false_positive") == false);

  // The text listing ranks by severity and says what to collect.
  auto text = test::run_cli(dir, "insights --min-severity warning");
  REQUIRE(text.status == 0);
  CHECK_THAT(text.out, Catch::Contains("port-flapping") && Catch::Contains("collect: show interfaces"));
  CHECK_THAT(text.out, !Catch::Contains("missing-show-commands"));  // info, below the minimum
  auto bad = test::run_cli(dir, "insights --min-severity urgent");
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("urgent"));
}

TEST_CASE("insights CLI: missing-command advice in each vendor's own syntax", "[insights][cli]") {
  test::TempDir dir;
  // The same 802.1X failure on a Cisco, an Arista and a FastIron switch, none of which captured
  // its authentication sessions: each is told the command its OS has.
  test::write_file(dir / "b/cisco.log",
                   "NYC-B2-ACC-01#show clock\n*10:30:00.000 UTC Wed Nov 25 2026\nNYC-B2-ACC-01#show logging\n"
                   "Log Buffer (102400 bytes):\n\n"
                   "000101: Nov 25 10:02:11.004 UTC: %DOT1X-5-FAIL: Authentication failed for client (0050.56a1.22b3) on Interface Gi1/0/7 "
                   "AuditSessionID 0A14000B0000001A2B3C4D5E\nNYC-B2-ACC-01#exit\n");
  test::write_file(dir / "b/arista.log",
                   "NYC-DC1-LEAF-01#show version\nArista DCS-7050SX3-48YC8\nHardware version: 11.02\nSerial number: JPE20291234\n"
                   "System MAC address: 444c.a8b2.1c01\n\nSoftware image version: 4.28.3M\nArchitecture: x86_64\n\n"
                   "Uptime: 12 weeks, 3 days, 2 hours and 11 minutes\nTotal memory: 8098984 kB\nFree memory: 5462772 kB\n\n"
                   "NYC-DC1-LEAF-01#show clock\nWed Nov 25 10:30:00 2026\nTimezone: UTC\nClock source: local\n"
                   "NYC-DC1-LEAF-01#show logging\nSyslog logging: enabled\n    Buffer logging: level debugging\n\n"
                   "Nov 25 10:02:11 NYC-DC1-LEAF-01 Dot1x: %DOT1X-5-AUTH_FAILED: Authentication failed for client "
                   "0050.56a1.22b4 on Interface Ethernet7\nNYC-DC1-LEAF-01#exit\n");
  test::write_file(dir / "b/fastiron.log",
                   "SSH@NYC-F1-ACC-01#show clock\n10:30:00.002 GMT+00 Wed Nov 25 2026\nSSH@NYC-F1-ACC-01#show logging\n"
                   "Syslog logging: enabled ( 0 messages dropped, 0 flushes, 0 overruns)\n"
                   "    Buffer logging: level ACDMEINW, 3 messages logged\n\nDynamic Log Buffer (20000 lines):\n"
                   "Nov 25 10:02:11:N:DOT1X: Port 1/1/7 Mac 0050.56a1.22b5 - authentication failed\nSSH@NYC-F1-ACC-01#exit\n");
  ingest(dir, "b");
  const auto failures = cards_of(json_of(dir, "insights --json"), "auth-failures");
  REQUIRE(failures.size() == 3);
  std::map<std::string, std::vector<std::string>> advice;
  for (const auto& c : failures) {
    for (const auto& m : c.at("missing_commands")) advice[c.at("device")].push_back(m.at("syntax"));
  }
  auto has = [&](const std::string& device, const std::string& syntax) {
    const auto& list = advice[device];
    return std::find(list.begin(), list.end(), syntax) != list.end();
  };
  CHECK(has("NYC-B2-ACC-01", "show authentication sessions"));
  CHECK(has("NYC-DC1-LEAF-01", "show dot1x hosts"));
  CHECK(has("NYC-F1-ACC-01", "show dot1x sessions all"));
  CHECK_FALSE(has("NYC-DC1-LEAF-01", "show authentication sessions"));  // no such command on EOS
  CHECK_FALSE(has("NYC-F1-ACC-01", "show authentication sessions"));
  for (const auto& device : {"NYC-B2-ACC-01", "NYC-DC1-LEAF-01", "NYC-F1-ACC-01"}) CHECK(has(device, "show running-config"));
}

TEST_CASE("rules CLI: dry run, thresholds, enable/disable, false positives, suppressions, --no-detect", "[insights][cli]") {
  test::TempDir dir;
  test::write_file(dir / "run-1/ACC-07.log", flapping_capture(25));
  ingest(dir, "run-1");

  const Json dry = json_of(dir, "rules test port-flapping --run 1 --json");
  REQUIRE(dry.at("findings").size() == 1);
  CHECK(dry.at("findings").at(0).at("objects") == Json::array({"Gi1/0/12"}));
  CHECK(dry.at("seconds").at("evaluate").get<double>() >= 0);

  auto set = test::run_cli(dir, "rules set port-flapping min_transitions 7");
  REQUIRE(set.status == 0);
  CHECK(json_of(dir, "rules test port-flapping --run 1 --json").at("findings").empty());
  auto unknown = test::run_cli(dir, "rules set port-flapping colour 7");
  CHECK(unknown.status == 2);
  CHECK_THAT(unknown.err, Catch::Contains("min_transitions"));
  REQUIRE(test::run_cli(dir, "rules set port-flapping min_transitions 5").status == 0);

  // A rule file under edit is tried without saving it.
  test::write_file(dir / "strict.json", R"json({"id": "port-flapping", "version": 2, "title": "Port flapping (strict)",
    "severity": "major", "signature": "port-flapping", "description": "two bounces are enough",
    "when": {"events": {"kinds": ["link_down", "link_up"], "min_count": 4, "window_seconds": 300}}})json");
  const Json edited = json_of(dir, "rules test '" + (dir / "strict.json").string() + "' --run 1 --json");
  REQUIRE(edited.at("findings").size() == 1);
  auto broken = test::run_cli(dir, "rules test '" + (dir / "run-1/ACC-07.log").string() + "' --run 1");
  CHECK(broken.status != 0);

  // The operator marks the card a false positive; the next capture's same finding stays marked.
  const auto first = cards_of(json_of(dir, "insights --json"), "port-flapping");
  REQUIRE(first.size() == 1);
  const auto id = first.front().at("id").get<std::int64_t>();
  REQUIRE(test::run_cli(dir, fmt::format("rules feedback {} --false-positive --note 'lab port'", id)).status == 0);
  test::write_file(dir / "run-2/ACC-07.log", flapping_capture(26));
  ingest(dir, "run-2");
  const auto second = cards_of(json_of(dir, "insights --json"), "port-flapping");
  REQUIRE(second.size() == 1);
  CHECK(second.front().at("false_positive") == true);
  CHECK(second.front().at("feedback").at("note") == "lab port");

  // A maintenance window over the third capture's flaps silences its card, and says so.
  REQUIRE(test::run_cli(dir, "rules suppress --device NYC-B2-ACC-07 --from 2026-11-27T00:00:00Z --until 2026-11-27T23:59:59Z "
                             "--reason 'CHG-1 recabling'")
              .status == 0);
  test::write_file(dir / "run-3/ACC-07.log", flapping_capture(27));
  ingest(dir, "run-3");
  const auto third = cards_of(json_of(dir, "insights --json"), "port-flapping");
  REQUIRE(third.size() == 1);
  CHECK(third.front().at("suppressed").at("reason") == "CHG-1 recabling");
  CHECK(json_of(dir, "rules suppressions --json").size() == 1);

  // Disabled: no card; --no-detect: no cards at all.
  REQUIRE(test::run_cli(dir, "rules disable port-flapping").status == 0);
  test::write_file(dir / "run-4/ACC-07.log", flapping_capture(28));
  ingest(dir, "run-4");
  CHECK(cards_of(json_of(dir, "insights --json"), "port-flapping").empty());
  REQUIRE(test::run_cli(dir, "rules enable port-flapping").status == 0);
  test::write_file(dir / "run-5/ACC-07.log", flapping_capture(29));
  ingest(dir, "run-5", "--no-detect");
  CHECK(json_of(dir, "insights --json").empty());
  CHECK(json_of(dir, "insights --run 3 --json").size() >= 1);  // earlier runs keep theirs

  const Json listed = json_of(dir, "rules list --json");
  auto flap = std::find_if(listed.begin(), listed.end(), [](const Json& r) { return r.at("id") == "port-flapping"; });
  REQUIRE(flap != listed.end());
  CHECK(flap->at("enabled") == true);
  CHECK(flap->at("params").at("min_transitions") == 5);
}

TEST_CASE("rules CLI: user rules are versioned and travel in packs", "[insights][cli]") {
  test::TempDir dir;
  test::write_file(dir / "run-1/ACC-07.log", flapping_capture(25));
  ingest(dir, "run-1");
  test::write_file(dir / "mine.json", R"({"id": "lab-bounces", "version": 1, "title": "Lab bounces", "severity": "info",
    "signature": "port-flapping", "description": "any bounce on the lab switch",
    "when": {"events": {"kinds": ["link_down"], "min_count": 1}}})");
  REQUIRE(test::run_cli(dir, "rules save '" + (dir / "mine.json").string() + "'").status == 0);
  REQUIRE(test::run_cli(dir, "rules save '" + (dir / "mine.json").string() + "'").status == 0);
  const Json versions = json_of(dir, "rules history lab-bounces --json");
  REQUIRE(versions.size() == 2);
  CHECK(versions.at(0).at("active") == true);
  CHECK(versions.at(1).at("active") == false);
  REQUIRE(test::run_cli(dir, "rules rollback lab-bounces 1").status == 0);
  CHECK(json_of(dir, "rules history lab-bounces --json").size() == 3);

  REQUIRE(test::run_cli(dir, "rules export '" + (dir / "pack.json").string() + "' lab-bounces").status == 0);
  test::TempDir other;
  test::write_file(other / "run-1/ACC-07.log", flapping_capture(25));
  auto imported = test::run_cli(other, "rules import '" + (dir / "pack.json").string() + "'");
  INFO(imported.err);
  REQUIRE(imported.status == 0);
  CHECK_THAT(imported.out, Catch::Contains("1 detection rule(s)"));
  ingest(other, "run-1");
  const auto lab = cards_of(json_of(other, "insights --json"), "lab-bounces");
  REQUIRE(lab.size() == 1);
  CHECK(lab.front().at("rule_origin") == "pack");

  // A pack edited after export is refused whole, naming the rule.
  std::string text = test::read_file(dir / "pack.json");
  text.replace(text.find("\"min_count\": 1"), 14, "\"min_count\": 2");
  test::write_file(dir / "tampered.json", text);
  auto tampered = test::run_cli(other, "rules import '" + (dir / "tampered.json").string() + "'");
  CHECK(tampered.status != 0);
  CHECK_THAT(tampered.err, Catch::Contains("lab-bounces") && Catch::Contains("checksum"));
}
