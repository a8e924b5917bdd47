// The diff against the generator's manifest (src/generate/README.md, schema 2): on untidy
// generated bundles of three vendors, every change the generator injected between two runs is
// found with its fields, nothing else is reported (volatile fields excluded), devices missing
// from a run are not captured, and stored, on-demand and no-shortcut diffs agree.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "diff/stored_diff.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;
using Json = nlohmann::json;

namespace {

struct Expectations {
  std::map<std::string, Json> expect;  // "device key" -> the expect entry
  std::set<std::string> allowed;       // "device key" of every expect and affects entry
};

// Per run r >= 2, what the manifest says changed against run r - 1.
std::map<int, Expectations> expectations(const Json& manifest) {
  std::map<int, Expectations> out;
  for (const auto& item : manifest.at("items")) {
    const int run = item.at("run");
    if (run < 2) continue;
    const std::string device = item.at("device");
    auto& e = out[run];
    const auto& details = item.at("details");
    for (const auto& x : details.value("expect", Json::array())) {
      const std::string id = device + " " + x.at("key").get<std::string>();
      e.expect[id] = x;
      e.allowed.insert(id);
    }
    for (const auto& key : details.value("affects", Json::array())) e.allowed.insert(device + " " + key.get<std::string>());
  }
  return out;
}

// The manifest spells a list as the store holds it ("a b"); the diff's JSON as a list.
bool same(const Json& reported, const Json& manifest) {
  if (reported.is_array() && manifest.is_string()) {
    std::string joined;
    for (const auto& item : reported) joined += (joined.empty() ? "" : " ") + item.get<std::string>();
    return joined == manifest.get<std::string>();
  }
  return reported == manifest;
}

}  // namespace

TEST_CASE("diff: every injected change found, nothing else reported", "[diff][generate]") {
  test::TempDir dir;
  auto gen = test::run_cli(dir, fmt::format("generate '{}' --devices 18 --runs 3 --seed 1 --profile full",
                                            (dir / "fleet").string()));
  INFO(gen.err);
  REQUIRE(gen.status == 0);
  const Json manifest = Json::parse(test::read_file(dir / "fleet/manifest.json"));
  REQUIRE(manifest.at("schema_version") == 2);
  for (int run = 1; run <= 3; ++run) {
    auto r = test::run_cli(dir, fmt::format("ingest '{}'", (dir / fmt::format("fleet/run-{}", run)).string()));
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  const auto expected = expectations(manifest);
  std::set<std::string> kinds_found;
  std::size_t found = 0;
  for (int run = 2; run <= 3; ++run) {
    auto r = test::run_cli(dir, fmt::format("diff --json --from {} --to {}", run - 1, run));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const Json doc = Json::parse(r.out);
    const Expectations& e = expected.at(run);
    std::map<std::string, Json> reported;
    for (const auto& c : doc.at("changes")) {
      const std::string id = c.at("device").get<std::string>() + " " + c.at("key").get<std::string>();
      INFO("run " << run << ": reported " << id << " " << c.dump());
      // Nothing the generator did not do. The generator does not model generic records: show
      // version's record changes with the device facts of an OS upgrade.
      const bool record_of_upgrade = c.at("kind") == "record" &&
                                     e.expect.contains(c.at("device").get<std::string>() + " device:" + c.at("device").get<std::string>());
      CHECK((e.allowed.contains(id) || record_of_upgrade));
      reported[id] = c;
      kinds_found.insert(c.at("kind").get<std::string>() + "/" + c.at("change").get<std::string>());
    }
    for (const auto& [id, x] : e.expect) {
      INFO("run " << run << ": expected " << id << " " << x.dump());
      auto it = reported.find(id);
      REQUIRE(it != reported.end());
      CHECK(it->second.at("change") == x.at("change"));
      // The manifest's fields are a subset of what changed (a port going down also changes its
      // speed and duplex): each of them is reported with its values.
      for (const auto& f : x.value("fields", Json::array())) {
        bool matched = false;
        for (const auto& g : it->second.at("fields")) {
          if (g.at("name") == f.at("name")) matched = same(g.at("old"), f.at("old")) && same(g.at("new"), f.at("new"));
        }
        INFO("field " << f.dump());
        CHECK(matched);
      }
      ++found;
    }
  }
  CHECK(found > 50);
  // At least one change of every kind the generator injects, and devices missing or new.
  for (const char* k : {"device/changed", "device/not_captured", "device/added", "interface/changed", "vlan/added",
                        "vlan/removed", "vlan/changed", "mac/added", "mac/removed", "auth_session/added",
                        "auth_session/removed", "stp_port/changed", "neighbor/changed", "poe_port/changed",
                        "inventory_item/changed", "power_supply/changed", "stack_member/changed",
                        "interface_config/changed"}) {
    INFO(k);
    CHECK(kinds_found.contains(k));
  }

  SECTION("volatile-only moves are reported on request only") {
    auto r = test::run_cli(dir, "diff --json --from 1 --to 2 --include-volatile");
    INFO(r.err);
    REQUIRE(r.status == 0);
    const Json doc = Json::parse(r.out);
    std::set<std::string> volatile_kinds;
    for (const auto& c : doc.at("changes")) {
      for (const auto& f : c.at("fields")) {
        if (f.value("volatile", false)) volatile_kinds.insert(c.at("kind").get<std::string>() + "." + f.at("name").get<std::string>());
      }
    }
    CHECK(volatile_kinds.contains("device.uptime"));
    CHECK(volatile_kinds.contains("transceiver.rx_power"));
    CHECK(volatile_kinds.contains("poe_port.power"));
  }
  SECTION("stored, on-demand and no-shortcut diffs agree on every pair of runs") {
    auto db = store::open_store(dir / "store.sqlite", store::OpenMode::ReadWrite);
    REQUIRE(db);
    auto dumped = [](const std::vector<diff::ObjectChange>& changes) {
      std::vector<std::string> out;
      for (const auto& c : changes) out.push_back(diff::to_json(c).dump());
      return out;
    };
    for (auto [from, to] : {std::pair{1, 2}, std::pair{2, 3}, std::pair{1, 3}, std::pair{3, 1}}) {
      INFO(from << " -> " << to);
      diff::DiffOptions options;
      auto on_demand = diff::diff_runs(*db, RunId{from}, RunId{to}, options);
      auto stored = diff::diff_between(*db, RunId{from}, RunId{to}, options);
      options.trust_hashes = false;
      auto thorough = diff::diff_runs(*db, RunId{from}, RunId{to}, options);
      REQUIRE(on_demand);
      REQUIRE(stored);
      REQUIRE(thorough);
      CHECK(dumped(*stored) == dumped(*on_demand));
      CHECK(dumped(*thorough) == dumped(*on_demand));
    }
  }
}
