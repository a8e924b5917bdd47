// One device through its last N captures (diff/device_captures_diff.h): on a generated lean fleet
// of four runs with re-described ports, the captures are the runs that hold the device's
// snapshot, newest N, and the changes are exactly the pairwise diffs of those captures for that
// device; `diff --device HOST --last N` prints the same.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "diff/device_captures_diff.h"
#include "diff/stored_diff.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;
using Json = nlohmann::json;

namespace {

std::vector<std::int64_t> captured_runs(store::Database& db, const std::string& hostname) {
  auto stmt = db.prepare("SELECT DISTINCT s.run_id FROM device_snapshots s JOIN devices d ON d.id = s.device_id "
                         "WHERE d.hostname = ? ORDER BY s.run_id");
  REQUIRE(stmt);
  stmt->bind_all(store::SqlValue{std::string_view(hostname)});
  std::vector<std::int64_t> runs;
  while (*stmt->step()) runs.push_back(stmt->int64(0));
  return runs;
}

}  // namespace

TEST_CASE("diff: a device's last N captures, each against the one before", "[diff][generate]") {
  test::TempDir dir;
  auto gen = test::run_cli(dir, fmt::format("generate '{}' --devices 6 --runs 4 --seed 3 --profile lean --change-rate 20",
                                            (dir / "fleet").string()));
  REQUIRE(gen.status == 0);
  for (int run = 1; run <= 4; ++run) {
    auto r = test::run_cli(dir, fmt::format("ingest '{}'", (dir / fmt::format("fleet/run-{}", run)).string()));
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  auto db = store::open_store(dir / "store.sqlite", store::OpenMode::ReadOnly);
  REQUIRE(db);
  auto hosts = db->prepare("SELECT DISTINCT hostname FROM devices ORDER BY hostname");
  REQUIRE(hosts);
  std::vector<std::string> hostnames;
  while (*hosts->step()) hostnames.push_back(hosts->text(0));
  REQUIRE(hostnames.size() >= 6);

  std::size_t compared = 0;
  for (const auto& host : hostnames) {
    INFO(host);
    const auto all = captured_runs(*db, host);
    REQUIRE(all.size() >= 2);
    auto captures = diff::diff_device_captures(*db, host, 3, {});
    REQUIRE(captures);
    // The newest three captures of this device, oldest first.
    std::vector<std::int64_t> want(all.end() - std::min<std::ptrdiff_t>(3, static_cast<std::ptrdiff_t>(all.size())),
                                   all.end());
    std::vector<std::int64_t> got;
    for (const auto& r : captures->runs) got.push_back(r.value);
    CHECK(got == want);
    // Exactly the pairwise diffs of those captures, restricted to the device.
    auto ids = diff::device_ids_of(*db, host);
    REQUIRE(ids);
    diff::DiffOptions only;
    only.devices = *ids;
    Json expected = Json::array();
    for (std::size_t i = 1; i < want.size(); ++i) {
      auto pair = diff::diff_between(*db, RunId{want[i - 1]}, RunId{want[i]}, only);
      REQUIRE(pair);
      for (const auto& c : *pair) expected.push_back(diff::to_json(c));
    }
    Json reported = Json::array();
    for (const auto& c : captures->changes) {
      CHECK(c.device == host);
      reported.push_back(diff::to_json(c));
    }
    CHECK(reported == expected);
    compared += captures->changes.size();
  }
  CHECK(compared > 0);  // 20% of the ports re-described per run: the fleet changes

  // More captures asked for than stored: all of them.
  auto every = diff::diff_device_captures(*db, hostnames.front(), 50, {});
  REQUIRE(every);
  CHECK(every->runs.size() == captured_runs(*db, hostnames.front()).size());
  // One capture is no diff; an unknown device is named.
  auto one = diff::diff_device_captures(*db, hostnames.front(), 1, {});
  REQUIRE_FALSE(one);
  CHECK(one.error().kind == ErrorKind::Usage);
  auto unknown = diff::diff_device_captures(*db, "NO-SUCH-HOST", 3, {});
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().kind == ErrorKind::NotFound);
  CHECK(unknown.error().message.find("NO-SUCH-HOST") != std::string::npos);

  // The CLI prints the same captures and changes.
  auto cli = test::run_cli(dir, fmt::format("diff --device {} --last 3 --json", hostnames.front()));
  INFO(cli.err);
  REQUIRE(cli.status == 0);
  const auto doc = Json::parse(cli.out);
  auto direct = diff::diff_device_captures(*db, hostnames.front(), 3, {});
  REQUIRE(direct);
  CHECK(doc.at("runs").size() == direct->runs.size());
  CHECK(doc.at("changes").size() == direct->changes.size());
  auto misuse = test::run_cli(dir, "diff --last 3");
  CHECK(misuse.status == 2);  // usage
  CHECK(misuse.err.find("--device") != std::string::npos);
}
