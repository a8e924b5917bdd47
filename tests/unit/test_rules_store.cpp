// User rules in the store (every save a version, rollback), rule packs (export, import with
// checks before any change, conflicts by rule id) and ingest using stored rules, through the CLI.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "rules/rule_pack.h"
#include "store/rule_store.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;
using nlohmann::json;

namespace {

using test::CliRun;

CliRun cli(const test::TempDir& dir, const std::string& args, const std::string& store = "store.sqlite") {
  return test::run_cli(dir, args, store);
}

std::string vlan_rule(const std::string& status_pattern) {
  json rule = json::parse(R"json({
    "id": "lab/show_vlan_brief", "kind": "regex", "version": 1, "author": "lab",
    "applies_to": [{"platform": "cisco_ios", "command": "show vlan brief"}],
    "output": {"table": "records"},
    "regex": {"patterns": []},
    "samples": [{"input": ["20   USERS                            active    Gi1/0/1, Gi1/0/2"],
                 "expected": [{"vlan": "20", "name": "USERS", "status": "active"}]}]
  })json");
  rule["regex"]["patterns"].push_back("^(?P<vlan>\\d+)\\s+(?P<name>\\S+)\\s+(?P<status>" + status_pattern + ")");
  return rule.dump(2);
}

}  // namespace

TEST_CASE("rules store: every save is a version and rollback restores an earlier one", "[rules][store]") {
  test::TempDir dir;
  test::write_file(dir / "rule.json", vlan_rule("active"));
  auto first = cli(dir, "parsers save '" + (dir / "rule.json").string() + "' --json");
  REQUIRE(first.status == 0);
  CHECK(json::parse(first.out)["version"] == 1);
  CHECK_THAT(cli(dir, "parsers save '" + (dir / "rule.json").string() + "'").out, Catch::Contains("unchanged (version 1)"));
  test::write_file(dir / "rule.json", vlan_rule("active|act/lshut|suspended"));
  REQUIRE(cli(dir, "parsers save '" + (dir / "rule.json").string() + "'").status == 0);

  auto history = json::parse(cli(dir, "parsers history lab/show_vlan_brief --json").out);
  REQUIRE(history.size() == 2);
  CHECK(history[1]["version"] == 2);
  CHECK(history[1]["origin"] == "user");

  auto rolled = cli(dir, "parsers rollback lab/show_vlan_brief 1 --json");
  REQUIRE(rolled.status == 0);
  CHECK(json::parse(rolled.out)["version"] == 3);
  auto shown = json::parse(cli(dir, "parsers show lab/show_vlan_brief --json").out);
  CHECK(shown["regex"]["patterns"][0].get<std::string>().find("suspended") == std::string::npos);
  history = json::parse(cli(dir, "parsers history lab/show_vlan_brief --json").out);
  REQUIRE(history.size() == 3);
  CHECK(history[2]["note"] == "rollback to version 1");
  CHECK(history[2]["checksum"] == history[0]["checksum"]);
  CHECK(cli(dir, "parsers rollback lab/show_vlan_brief 9").status == 1);
  CHECK(cli(dir, "parsers rollback lab/show_vlan_brief x").status == 2);

  // A rule whose sample fails is not saved.
  test::write_file(dir / "broken.json", vlan_rule("inactive"));
  auto broken = cli(dir, "parsers save '" + (dir / "broken.json").string() + "'");
  CHECK(broken.status == 1);
  CHECK_THAT(broken.err, Catch::Contains("/samples/0/expected"));
  CHECK(json::parse(cli(dir, "parsers history lab/show_vlan_brief --json").out).size() == 3);

  // Ingest uses the stored rule (user > built-in: none here, so it fills `records`).
  test::write_file(dir / "bundle/SW1.log", test::access_switch_capture("SW1"));
  REQUIRE(cli(dir, "ingest '" + (dir / "bundle").string() + "' --json").status == 0);
  auto records = json::parse(cli(dir, "records --command 'show vlan brief' --json").out);
  REQUIRE(records.size() == 2);
  CHECK(records[1]["parser"] == "rule:user:lab/show_vlan_brief");
  CHECK(records[1]["row"] == json{{"vlan", "20"}, {"name", "USERS"}, {"status", "active"}});
}

TEST_CASE("rules store: packs export, import, refuse conflicts and bad checksums", "[rules][store]") {
  test::TempDir dir;
  test::write_file(dir / "rule.json", vlan_rule("active"));
  REQUIRE(cli(dir, "parsers save '" + (dir / "rule.json").string() + "'").status == 0);
  auto exported = cli(dir, "parsers export '" + (dir / "pack.json").string() +
                               "' lab/show_vlan_brief cisco_ios/show_clock --name lab-pack --version 2.1 --author ops");
  REQUIRE(exported.status == 0);
  auto pack = json::parse(test::read_file(dir / "pack.json"));
  CHECK(pack["format"] == "statetrace-rule-pack/1");
  CHECK(pack["author"] == "ops");
  REQUIRE(pack["rules"].size() == 2);
  CHECK(pack["rules"][0]["checksum"].get<std::string>().starts_with("sha256:"));
  CHECK(pack["rules"][0]["rule"].contains("samples"));

  // Into a fresh store: everything imports; again: unchanged.
  auto imported = cli(dir, "parsers import '" + (dir / "pack.json").string() + "' --json", "other.sqlite");
  REQUIRE(imported.status == 0);
  CHECK(json::parse(imported.out)["imported"].size() == 2);
  auto again = json::parse(cli(dir, "parsers import '" + (dir / "pack.json").string() + "' --json", "other.sqlite").out);
  CHECK(again["unchanged"].size() == 2);
  auto listed = json::parse(cli(dir, "parsers list --json", "other.sqlite").out);
  bool from_pack = false;
  for (const auto& r : listed) from_pack = from_pack || (r["id"] == "lab/show_vlan_brief" && r["origin"] == "pack");
  CHECK(from_pack);

  // The original store holds a different version of lab/show_vlan_brief: a conflict by id.
  test::write_file(dir / "rule.json", vlan_rule("active|suspended"));
  REQUIRE(cli(dir, "parsers save '" + (dir / "rule.json").string() + "'").status == 0);
  auto conflict = cli(dir, "parsers import '" + (dir / "pack.json").string() + "' --json");
  CHECK(conflict.status == 3);
  CHECK(json::parse(conflict.out)["conflicts"][0]["rule"] == "lab/show_vlan_brief");
  CHECK_THAT(conflict.err, Catch::Contains("lab/show_vlan_brief"));
  CHECK(json::parse(cli(dir, "parsers history lab/show_vlan_brief --json").out).size() == 2);  // nothing changed
  auto replaced = cli(dir, "parsers import '" + (dir / "pack.json").string() + "' --replace --json");
  REQUIRE(replaced.status == 0);
  auto history = json::parse(cli(dir, "parsers history lab/show_vlan_brief --json").out);
  REQUIRE(history.size() == 3);
  CHECK(history[2]["pack"] == "lab-pack@2.1");

  // A rule edited after export fails its checksum; a rule whose sample fails is named with its pointer.
  auto tampered = pack;
  tampered["rules"][0]["rule"]["description"] = "edited";
  test::write_file(dir / "tampered.json", tampered.dump());
  auto bad = cli(dir, "parsers import '" + (dir / "tampered.json").string() + "'", "third.sqlite");
  CHECK(bad.status == 1);
  CHECK_THAT(bad.err, Catch::Contains("/rules/0/checksum"));
  auto failing = pack;
  failing["rules"][0]["rule"]["samples"][0]["expected"][0]["vlan"] = "21";
  failing["rules"][0]["checksum"] = rules::rule_checksum(nlohmann::ordered_json::parse(failing["rules"][0]["rule"].dump()));
  test::write_file(dir / "failing.json", failing.dump());
  auto failed = cli(dir, "parsers import '" + (dir / "failing.json").string() + "'", "third.sqlite");
  CHECK(failed.status == 1);
  CHECK_THAT(failed.err, Catch::Contains("/rules/0/rule/samples/0/expected/0/vlan"));
  auto db = store::open_store(dir / "third.sqlite", store::OpenMode::ReadWrite);
  REQUIRE(db);
  auto rows = store::current_rules(*db);
  REQUIRE(rows);
  CHECK(rows->empty());
}
