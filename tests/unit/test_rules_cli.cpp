// The rules layer through the real binary: `parsers list|show|test`, `ingest --templates DIR`
// and `records --command`.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace st;
using nlohmann::json;

namespace {

using test::CliRun;

CliRun cli(const test::TempDir& dir, const std::string& args) { return test::run_cli(dir, args); }

// A tiny ntc-style template folder: an index and one template for `show vlan brief`.
void write_templates(const std::filesystem::path& dir) {
  test::write_file(dir / "index",
                   "Template, Hostname, Platform, Command\n\n"
                   "cisco_ios_show_vlan.textfsm, .*, cisco_ios, sh[[ow]] vl[[an]] b[[rief]]\n"
                   "cisco_ios_show_vtp_status.textfsm, .*, cisco_ios, sh[[ow]] vtp s[[tatus]]\n");
  test::write_file(dir / "cisco_ios_show_vtp_status.textfsm",
                   "Value VERSION (\\d+)\nValue DOMAIN (\\S+)\n\nStart\n"
                   "  ^VTP version running\\s+:\\s+${VERSION}\n"
                   "  ^VTP Domain Name\\s+:\\s+${DOMAIN} -> Record\n");
  test::write_file(dir / "cisco_ios_show_vlan.textfsm",
                   "Value VLAN_ID (\\d+)\nValue NAME (\\S+)\nValue STATUS (\\S+)\nValue List INTERFACES ([\\w/.-]+)\n\n"
                   "Start\n  ^\\d+ -> Continue.Record\n"
                   "  ^${VLAN_ID}\\s+${NAME}\\s+${STATUS}\\s+${INTERFACES},? -> Continue\n"
                   "  ^\\d+\\s+\\S+\\s+\\S+\\s+\\S+,\\s+${INTERFACES},? -> Continue\n"
                   "  ^\\s+${INTERFACES},? -> Continue\n  ^\\s+\\S+,\\s+${INTERFACES},? -> Continue\n");
}

const char* kVlanOutput =
    "VLAN Name                             Status    Ports\n"
    "---- -------------------------------- --------- -------------------------------\n"
    "1    default                          active    Gi1/0/1, Gi1/0/2\n"
    "                                                Gi1/0/3\n"
    "10   users                            active    Gi1/0/4\n";

}  // namespace

TEST_CASE("rules cli: both helps name every parsers subcommand", "[rules][cli]") {
  test::TempDir dir;
  auto top = cli(dir, "--help");
  auto group = cli(dir, "parsers --help");
  auto bare = cli(dir, "parsers");
  auto unknown = cli(dir, "parsers frobnicate");
  CHECK(top.status == 0);
  CHECK(group.status == 0);
  CHECK(group.err.empty());
  CHECK(bare.status == 2);
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("unknown subcommand 'frobnicate'") != std::string::npos);
  const auto at = top.out.find("\n  parsers ");
  REQUIRE(at != std::string::npos);
  const std::string top_line = top.out.substr(at + 1, top.out.find('\n', at + 1) - at - 1);
  for (const char* sub : {"list", "show", "save", "history", "rollback", "export", "import", "test"}) {
    INFO(sub);
    CHECK(top_line.find(sub) != std::string::npos);
    CHECK(group.out.find(std::string("statetrace-cli parsers ") + sub + " ") != std::string::npos);
    CHECK(bare.err.find(sub) != std::string::npos);
  }
}

TEST_CASE("rules cli: parsers list shows shipped rules and built-in parsers", "[rules][cli]") {
  test::TempDir dir;
  auto run = cli(dir, "parsers list --json");
  REQUIRE(run.status == 0);
  auto rows = json::parse(run.out);
  bool rule = false, builtin = false;
  for (const auto& r : rows) {
    if (r["id"] == "cisco_ios/show_clock" && r["origin"] == "shipped" && r["kind"] == "regex") rule = true;
    if (r["id"] == "builtin:cisco_ios/show_clock" && r["origin"] == "builtin") builtin = true;
  }
  CHECK(rule);
  CHECK(builtin);
  auto show = cli(dir, "parsers show cisco_ios/show_version --json");
  REQUIRE(show.status == 0);
  CHECK(json::parse(show.out)["kind"] == "textfsm");
  CHECK(cli(dir, "parsers show nope/none").status == 1);
  CHECK(cli(dir, "parsers frobnicate").status == 2);
}

TEST_CASE("rules cli: parsers test runs a rule file on a sample", "[rules][cli]") {
  test::TempDir dir;
  test::write_file(dir / "rule.json", R"json({
    "id": "lab/clock", "kind": "regex", "applies_to": [{"platform": "cisco_ios", "command": "show clock"}],
    "output": {"table": "clock"},
    "regex": {"patterns": ["^[*.]?(?P<time>\\d+:\\d+:\\d+\\.\\d+)\\s+(?P<zone>\\S+)\\s+\\w+\\s+(?P<month>\\w+)\\s+(?P<day>\\d+)\\s+(?P<year>\\d{4})"]}
  })json");
  test::write_file(dir / "clock.txt", "\n*09:14:07.532 UTC Fri Nov 20 2026\n");
  auto run = cli(dir, "parsers test '" + (dir / "rule.json").string() + "' --sample '" + (dir / "clock.txt").string() + "' --json");
  REQUIRE(run.status == 0);
  auto result = json::parse(run.out);
  CHECK(result["rule"] == "lab/clock");
  REQUIRE(result["records"].size() == 1);
  CHECK(result["records"][0] == json{{"time", "09:14:07.532"}, {"zone", "UTC"}, {"month", "Nov"}, {"day", "20"}, {"year", "2026"}});
  CHECK(result["matches"]["records"][0]["input_lines"] == json::array({2}));
  CHECK(result["timing"].contains("parse_us"));
  CHECK(result["header"] == json::array({"time", "zone", "month", "day", "year"}));
  CHECK(result["errors"].empty());

  // A broken rule: the answer is its errors with JSON pointers, exit 1.
  test::write_file(dir / "bad.json", R"json({"id": "lab/bad", "kind": "regex", "applies_to": [{"command": "show x"}],
      "output": {"table": "records"}, "regex": {"patterns": ["(?P<a>[a-"]}})json");
  auto bad = cli(dir, "parsers test '" + (dir / "bad.json").string() + "' --sample '" + (dir / "clock.txt").string() + "' --json");
  CHECK(bad.status == 1);
  auto errors = json::parse(bad.out)["errors"];
  REQUIRE(errors.size() == 1);
  CHECK(errors[0]["pointer"] == "/regex/patterns/0");

  // The sandbox: a runaway pattern is stopped and reported.
  test::write_file(dir / "evil.json", R"json({"id": "lab/evil", "kind": "regex", "applies_to": [{"command": "show x"}],
      "output": {"table": "records"}, "regex": {"patterns": ["^(?P<a>(a+)+$)"]}})json");
  test::write_file(dir / "evil.txt", std::string(30, 'a') + "b\n");
  auto evil = cli(dir, "parsers test '" + (dir / "evil.json").string() + "' --sample '" + (dir / "evil.txt").string() + "' --json");
  CHECK(evil.status == 1);
  CHECK_THAT(evil.out, Catch::Contains("match limit"));
}

TEST_CASE("rules cli: a template folder parses commands into generic records", "[rules][cli]") {
  test::TempDir dir;
  write_templates(dir / "templates");
  test::write_file(dir / "vlan.txt", kVlanOutput);
  auto run = cli(dir, "parsers test --templates '" + (dir / "templates").string() +
                          "' --platform cisco_ios --command 'show vlan brief' --sample '" + (dir / "vlan.txt").string() +
                          "' --json");
  REQUIRE(run.status == 0);
  auto result = json::parse(run.out);
  REQUIRE(result["records"].size() == 2);
  CHECK(result["records"][0]["INTERFACES"] == json::array({"Gi1/0/1", "Gi1/0/2", "Gi1/0/3"}));
  CHECK(result["records"][1]["VLAN_ID"] == "10");
  CHECK(result["matches"]["records"][0]["input_lines"].size() >= 2);

  // The template folder is the catch-all: it parses `show vtp status`, which nothing else
  // takes, while the shipped rule keeps `show vlan brief` in the vlans table.
  test::write_file(dir / "bundle/SW1.log", test::access_switch_capture("SW1") +
                                               "SW1#show vtp status\n"
                                               "VTP Version capable             : 1 to 3\n"
                                               "VTP version running             : 2\n"
                                               "VTP Domain Name                 : CAMPUS\n"
                                               "SW1#\n");
  auto ingest = cli(dir, "ingest '" + (dir / "bundle").string() + "' --templates '" + (dir / "templates").string() + "' --json");
  REQUIRE(ingest.status == 0);
  auto records = cli(dir, "records --command 'show vtp status' --json");
  REQUIRE(records.status == 0);
  auto rows = json::parse(records.out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["device"] == "SW1");
  CHECK(rows[0]["parser"] == "templates:templates");
  CHECK(rows[0]["row"]["VERSION"] == "2");
  CHECK(rows[0]["row"]["DOMAIN"] == "CAMPUS");
  CHECK(rows[0]["source"]["file"] == "SW1.log");
  CHECK(rows[0]["source"]["length"].get<int>() > 0);
  CHECK(json::parse(cli(dir, "records --command 'show vlan brief' --json").out).empty());
  auto vlans = json::parse(cli(dir, "vlans --json").out);
  REQUIRE(vlans.size() == 2);
  CHECK(vlans[1]["vlan_id"] == 20);
  CHECK(vlans[1]["name"] == "USERS");
  CHECK(vlans[1]["ports"] == json::array({"Gi1/0/1", "Gi1/0/2"}));
  // The built-in parsers still own their commands: facts and interfaces are unchanged.
  auto devices = json::parse(cli(dir, "devices --json").out);
  CHECK(devices[0]["model"] != nullptr);

  auto missing = cli(dir, "ingest '" + (dir / "bundle").string() + "' --force --templates '" + (dir / "nowhere").string() + "'");
  CHECK(missing.status == 1);
}
