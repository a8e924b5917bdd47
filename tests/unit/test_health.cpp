#include <catch2/catch.hpp>

#include "core_parsers.h"
#include "ingest/ingest_pipeline.h"
#include "store/health.h"
#include "store/raw_reader.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;
using namespace st::store;

namespace {

Database ingested_store(const test::TempDir& dir) {
  test::write_file(dir / "bundle/nyc-07.log", test::access_switch_capture("NYC-B2-ACC-07"));
  test::write_file(dir / "bundle/nyc-08.log", test::access_switch_capture("NYC-B2-ACC-08"));
  auto db = open_store(dir / "store.sqlite", OpenMode::ReadWrite);
  REQUIRE(db);
  ingest::IngestOptions options;
  options.bundle = dir / "bundle";
  REQUIRE(ingest::ingest_bundle(*db, test::core_parsers(), options));
  return std::move(*db);
}

std::int64_t sections_with(Database& db, std::string_view status) {
  auto stmt = db.prepare("SELECT COUNT(*) FROM sections WHERE status = ?");
  REQUIRE(stmt);
  stmt->bind_all(SqlValue{status});
  REQUIRE(*stmt->step());
  return stmt->int64(0);
}

}  // namespace

TEST_CASE("health: a run's totals add up to its files, devices and sections", "[health]") {
  test::TempDir dir;
  auto db = ingested_store(dir);

  auto runs = list_run_health(db);
  REQUIRE(runs);
  REQUIRE(runs->size() == 1);
  const RunHealth& run = runs->front();
  CHECK(run.run == RunId{1});
  CHECK(run.files == 2);
  CHECK(run.devices == 2);
  CHECK(run.bytes == 2 * test::access_switch_capture("NYC-B2-ACC-07").size());
  CHECK(run.parse_seconds >= 0);
  // Per device: clock, version, interfaces status and logging parsed; terminal length,
  // show vlan brief and exit unknown; and each file's login banner before the first prompt.
  CHECK(run.sections.parsed == 8);
  CHECK(run.sections.unknown == 8);
  CHECK(run.sections.failed == 0);
  CHECK(run.sections.parsed == sections_with(db, "parsed"));
  CHECK(run.sections.unknown == sections_with(db, "unknown"));
}

TEST_CASE("health: a run's report lists files, device telemetry and unparsed sections", "[health]") {
  test::TempDir dir;
  auto db = ingested_store(dir);

  auto report = run_health(db, RunId{1});
  REQUIRE(report);
  REQUIRE(report->files.size() == 2);
  CHECK(report->files[0].path == "nyc-07.log");
  CHECK(report->files[1].path == "nyc-08.log");
  CHECK(report->files[0].size == test::access_switch_capture("NYC-B2-ACC-07").size());
  CHECK(report->files[0].sha256.has_value());
  CHECK(report->files[0].devices == 1);  // the banner has no device
  CHECK(report->files[0].sections == SectionCounts{4, 4, 0});

  // Each file: the banner (no device) first, then its switch.
  REQUIRE(report->devices.size() == 4);
  CHECK_FALSE(report->devices[0].hostname.has_value());
  CHECK(report->devices[1].hostname == std::optional<std::string>("NYC-B2-ACC-07"));
  CHECK(report->devices[1].file == "nyc-07.log");
  CHECK(report->devices[1].sections == SectionCounts{4, 3, 0});
  CHECK(report->devices[3].hostname == std::optional<std::string>("NYC-B2-ACC-08"));

  REQUIRE(report->issues.size() == 8);
  bool saw_vlan_brief = false;
  for (const auto& issue : report->issues) {
    CHECK(issue.status == "unknown");
    CHECK(issue.reason.has_value());
    auto bytes = read_raw(db, RunId{1}, issue.source.file, ByteRange{issue.source.offset, issue.source.length});
    REQUIRE(bytes);
    CHECK(bytes->size() == issue.source.length);
    if (issue.command == "show vlan brief") {
      saw_vlan_brief = true;
      CHECK(issue.device.has_value());
      CHECK(bytes->find("VLAN Name") != std::string::npos);
    }
  }
  CHECK(saw_vlan_brief);

  auto missing = run_health(db, RunId{7});
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == ErrorKind::NotFound);
}

TEST_CASE("health: an empty store has no runs", "[health]") {
  test::TempDir dir;
  auto db = open_store(dir / "store.sqlite", OpenMode::ReadWrite);
  REQUIRE(db);
  auto runs = list_run_health(*db);
  REQUIRE(runs);
  CHECK(runs->empty());
  auto files = list_run_files(*db, RunId{1});
  REQUIRE(files);
  CHECK(files->empty());
}
