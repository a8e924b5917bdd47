// The CLI as scripts see it: exit codes, JSON on stdout, errors on stderr, and a
// writer that dies mid-ingest leaving the store exactly as it was.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "store/store.h"
#include "test_support.h"

using namespace st;

namespace {

using test::CliRun;

CliRun cli(const test::TempDir& dir, const std::string& args, const std::string& env = {}) {
  return test::run_cli(dir, args, "store.sqlite", env);
}

std::map<std::string, std::int64_t> table_counts(const std::filesystem::path& store) {
  auto db = store::open_store(store, store::OpenMode::ReadWrite);
  REQUIRE(db);
  std::map<std::string, std::int64_t> counts;
  for (const char* table : {"runs", "files", "file_chunks", "devices", "device_snapshots", "sections", "interfaces",
                            "event_blocks", "records", "parse_warnings"}) {
    auto stmt = db->prepare(std::string("SELECT COUNT(*) FROM ") + table);
    REQUIRE(stmt);
    REQUIRE(*stmt->step());
    counts[table] = stmt->int64(0);
  }
  return counts;
}

std::string integrity(const std::filesystem::path& store) {
  auto db = store::open_store(store, store::OpenMode::ReadWrite);
  REQUIRE(db);
  auto stmt = db->prepare("PRAGMA integrity_check");
  REQUIRE(stmt);
  REQUIRE(*stmt->step());
  return stmt->text(0);
}

}  // namespace

TEST_CASE("cli: exit codes 0 ok, 2 usage, 3 input refused, 1 error", "[cli]") {
  test::TempDir dir;
  test::write_file(dir / "bundle/SW1.log", test::access_switch_capture("SW1"));

  auto ok = cli(dir, "ingest '" + (dir / "bundle").string() + "' --json");
  REQUIRE(ok.status == 0);
  auto summary = nlohmann::json::parse(ok.out);
  CHECK(summary["run"] == 1);
  CHECK(summary["devices"] == 1);
  CHECK(summary["sections"]["parsed"] == 5);  // clock, version, status, logging, vlan

  CHECK(cli(dir, "ingest").status == 2);
  CHECK(cli(dir, "frobnicate").status == 2);
  CHECK(cli(dir, "devices --run abc").status == 2);

  auto refused = cli(dir, "ingest '" + (dir / "nowhere").string() + "' --json");
  CHECK(refused.status == 3);
  CHECK(refused.out.empty());
  auto error = nlohmann::json::parse(refused.err);
  CHECK(error["error"]["kind"] == "input_refused");
  CHECK(error["error"]["file"] == (dir / "nowhere").string());

  auto raw_past_end = cli(dir, "raw --run 1 --file SW1.log --offset 999999 --length 1");
  CHECK(raw_past_end.status == 2);
  CHECK_THAT(raw_past_end.err, Catch::Contains("past the end"));
  CHECK(cli(dir, "raw --run 7 --file SW1.log --offset 0 --length 1").status == 1);
}

TEST_CASE("cli: listings print one JSON array with null for absent values and a source", "[cli]") {
  test::TempDir dir;
  const std::string capture = test::access_switch_capture("SW1");
  test::write_file(dir / "bundle/SW1.log", capture);
  REQUIRE(cli(dir, "ingest '" + (dir / "bundle").string() + "'").status == 0);

  auto interfaces = cli(dir, "interfaces --json");
  REQUIRE(interfaces.status == 0);
  auto rows = nlohmann::json::parse(interfaces.out);
  REQUIRE(rows.is_array());
  REQUIRE(rows.size() == 5);
  CHECK(rows[1]["name"] == "Gi1/0/2");
  CHECK(rows[1]["description"].is_null());
  for (const auto& row : rows) {
    REQUIRE(row.contains("source"));
    auto src = row["source"];
    // `raw` returns exactly the bytes a row points at.
    auto raw = cli(dir, "raw --run 1 --file " + src["file"].get<std::string>() + " --offset " +
                            std::to_string(src["offset"].get<std::uint64_t>()) + " --length " +
                            std::to_string(src["length"].get<std::uint64_t>()));
    REQUIRE(raw.status == 0);
    CHECK(raw.out == capture.substr(src["offset"].get<std::size_t>(), src["length"].get<std::size_t>()));
  }
  for (const char* listing : {"runs", "devices", "events", "sections"}) {
    auto result = cli(dir, std::string(listing) + " --json");
    INFO(listing);
    REQUIRE(result.status == 0);
    CHECK(nlohmann::json::parse(result.out).is_array());
  }
}

TEST_CASE("cli: a writer that dies mid-ingest leaves the store as it was", "[cli][fault]") {
  test::TempDir dir;
  test::write_file(dir / "first/SW1.log", test::access_switch_capture("SW1"));
  test::write_file(dir / "second/SW2.log", test::access_switch_capture("SW2"));
  test::write_file(dir / "second/SW3.log", test::access_switch_capture("SW3"));
  REQUIRE(cli(dir, "ingest '" + (dir / "first").string() + "'").status == 0);
  const auto before = table_counts(dir / "store.sqlite");

  for (int rows : {0, 3, 12, 30}) {
    INFO("dying after " << rows << " rows");
    auto died = cli(dir, "ingest '" + (dir / "second").string() + "'",
                    "STATETRACE_FAULT_AFTER_ROWS=" + std::to_string(rows));
    CHECK(died.status == 70);
    CHECK_THAT(died.err, Catch::Contains("fault injection"));
    CHECK(table_counts(dir / "store.sqlite") == before);
    CHECK(integrity(dir / "store.sqlite") == "ok");
  }
  // And the same bundle ingests cleanly afterwards.
  REQUIRE(cli(dir, "ingest '" + (dir / "second").string() + "'").status == 0);
  CHECK(table_counts(dir / "store.sqlite")["runs"] == before.at("runs") + 1);
}
