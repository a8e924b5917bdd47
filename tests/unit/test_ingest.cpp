#include <catch2/catch.hpp>

#include <atomic>

#include "core_parsers.h"
#include "ingest/ingest_pipeline.h"
#include "rules/registry_setup.h"
#include "store/listings.h"
#include "store/object_listing.h"
#include "store/raw_reader.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;
using namespace st::store;

namespace {

Database fresh_store(const test::TempDir& dir) {
  auto db = open_store(dir / "store.sqlite", OpenMode::ReadWrite);
  REQUIRE(db);
  return std::move(*db);
}

Result<ingest::IngestSummary> ingest_path(Database& db, const std::filesystem::path& bundle,
                                          std::optional<std::string> site = std::nullopt) {
  ingest::IngestOptions options;
  options.bundle = bundle;
  options.site = std::move(site);
  return ingest::ingest_bundle(db, test::core_parsers(), options);
}

std::int64_t count(Database& db, const std::string& table) {
  auto stmt = db.prepare("SELECT COUNT(*) FROM " + table);
  REQUIRE(stmt);
  REQUIRE(*stmt->step());
  return stmt->int64(0);
}

const InterfaceRow* find_interface(const std::vector<InterfaceRow>& rows, std::string_view name) {
  for (const auto& r : rows) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("ingest: a directory of captures becomes one queryable run", "[ingest]") {
  test::TempDir dir;
  const std::string capture = test::access_switch_capture("NYC-B2-ACC-07");
  test::write_file(dir / "bundle/NYC-B2-ACC-07.log", capture);
  test::write_file(dir / "bundle/notes.txt", "not a capture");
  auto db = fresh_store(dir);

  auto summary = ingest_path(db, dir / "bundle");
  REQUIRE(summary);
  CHECK(summary->files == 1);
  CHECK(summary->devices == 1);
  CHECK(summary->skipped_members == std::vector<std::string>{"notes.txt"});
  CHECK(summary->sections_by_status["parsed"] == 4);   // clock, version, interfaces status, logging
  CHECK(summary->sections_by_status["unknown"] == 4);  // preamble, terminal length, show vlan brief, exit

  auto runs = list_runs(db);
  REQUIRE(runs);
  REQUIRE(runs->size() == 1);
  CHECK(runs->front().status == "complete");
  CHECK(runs->front().captured_at == "2026-11-20T09:14:07.532Z");
  CHECK(runs->front().captured_at_source == "show_clock");

  auto devices = list_devices(db, {});
  REQUIRE(devices);
  REQUIRE(devices->size() == 1);
  const DeviceRow& d = devices->front();
  CHECK(d.hostname == "NYC-B2-ACC-07");
  CHECK(d.site == "NYC");  // from the SITE-ZONE-ROLE-NN hostname pattern
  CHECK(d.vendor == "cisco");
  CHECK(d.platform == "cisco_ios");
  CHECK(d.model == "C9300-48P");
  CHECK(d.serial == "FOC2248X0TQ");
  CHECK(d.uptime == "3 weeks, 2 days, 4 hours, 11 minutes");
  REQUIRE(d.source);
  CHECK(d.source->file == "NYC-B2-ACC-07.log");

  auto interfaces = list_interfaces(db, {});
  REQUIRE(interfaces);
  REQUIRE(interfaces->size() == 5);
  const InterfaceRow* gi3 = find_interface(*interfaces, "Gi1/0/3");
  REQUIRE(gi3);
  CHECK(gi3->status == "err-disabled");
  CHECK(gi3->vlan == "30");
  CHECK(gi3->description == "AP-2F-EAST");
  // The source range points at the exact printed row.
  CHECK(capture.substr(gi3->source.offset, gi3->source.length).starts_with("Gi1/0/3      AP-2F-EAST"));
  const InterfaceRow* gi2 = find_interface(*interfaces, "Gi1/0/2");
  REQUIRE(gi2);
  CHECK_FALSE(gi2->description.has_value());
  const InterfaceRow* te = find_interface(*interfaces, "Te1/1/1");
  REQUIRE(te);
  CHECK(te->vlan == "trunk");

  auto events = list_events(db, {});
  REQUIRE(events);
  REQUIRE(events->size() == 3);
  const EventRow& first = events->front();
  CHECK(first.message_id == "LINK-3-UPDOWN");
  CHECK(first.facility == "LINK");
  CHECK(first.severity == 3);
  CHECK(first.interface == "Gi1/0/3");
  CHECK(first.timestamp == "2026-11-20T08:51:12.345Z");  // year from the device clock
  CHECK(first.time_quality == "year_inferred");
  CHECK(capture.substr(first.source.offset, first.source.length) ==
        "001231: Nov 20 08:51:12.345 UTC: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/3, changed state to down");
  CHECK((*events)[2].message_id == "PM-4-ERR_DISABLE");

  auto sections = list_sections(db, {});
  REQUIRE(sections);
  REQUIRE(sections->size() == 8);
  CHECK(sections->front().status == "unknown");
  CHECK(sections->front().reason == "text before the first prompt");
  CHECK_FALSE(sections->front().device.has_value());
  bool saw_vlan = false;
  for (const auto& s : *sections) {
    if (s.command == "show vlan brief") {
      saw_vlan = true;
      CHECK(s.status == "unknown");
      CHECK(s.canonical_command == "show vlan brief");
      // Unknown sections are kept, bytes and all.
      auto bytes = read_raw(db, s.run, s.source.file, {s.source.offset, s.source.length});
      REQUIRE(bytes);
      CHECK_THAT(*bytes, Catch::StartsWith("NYC-B2-ACC-07#show vlan brief\n") && Catch::Contains("USERS"));
    }
  }
  CHECK(saw_vlan);
}

TEST_CASE("ingest: the run's --site is used when the hostname has no site pattern", "[ingest]") {
  test::TempDir dir;
  test::write_file(dir / "b/lab.log", test::access_switch_capture("lab-sw1"));
  auto db = fresh_store(dir);
  REQUIRE(ingest_path(db, dir / "b", std::string("LAB")));
  auto devices = list_devices(db, {});
  REQUIRE(devices);
  REQUIRE(devices->size() == 1);
  CHECK(devices->front().site == "LAB");
}

TEST_CASE("ingest: bad bundles are refused and change nothing", "[ingest]") {
  test::TempDir dir;
  auto db = fresh_store(dir);
  test::write_file(dir / "first/SW1.log", test::access_switch_capture("SW1"));
  REQUIRE(ingest_path(db, dir / "first"));
  const auto runs_before = count(db, "runs");
  const auto files_before = count(db, "files");

  auto missing = ingest_path(db, dir / "does-not-exist");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == ErrorKind::InputRefused);
  CHECK(missing.error().file == (dir / "does-not-exist").string());

  test::write_file(dir / "no-logs/readme.txt", "hello");
  auto no_logs = ingest_path(db, dir / "no-logs");
  REQUIRE_FALSE(no_logs);
  CHECK(no_logs.error().kind == ErrorKind::InputRefused);
  CHECK_THAT(no_logs.error().message, Catch::Contains("no .log file"));

  test::write_file(dir / "no-prompt/notes.log", "tried to reach the switch, no answer\n");
  auto no_prompt = ingest_path(db, dir / "no-prompt");
  REQUIRE_FALSE(no_prompt);
  CHECK(no_prompt.error().kind == ErrorKind::InputRefused);
  CHECK_THAT(no_prompt.error().message, Catch::Contains("no CLI prompt"));

  CHECK(count(db, "runs") == runs_before);
  CHECK(count(db, "files") == files_before);
}

TEST_CASE("ingest: without --run each device's latest snapshot is listed", "[ingest]") {
  test::TempDir dir;
  auto db = fresh_store(dir);
  std::string before = test::access_switch_capture("NYC-B2-ACC-07");
  test::write_file(dir / "monday/a.log", before);
  std::string after = before;
  auto pos = after.find("Gi1/0/2                         notconnect");
  REQUIRE(pos != std::string::npos);
  after.replace(pos, 41, "Gi1/0/2      Kiosk              connected ");
  test::write_file(dir / "tuesday/a.log", after);
  REQUIRE(ingest_path(db, dir / "monday"));
  REQUIRE(ingest_path(db, dir / "tuesday"));

  auto latest = list_interfaces(db, {});
  REQUIRE(latest);
  REQUIRE(latest->size() == 5);
  const auto* now = find_interface(*latest, "Gi1/0/2");
  REQUIRE(now);
  CHECK(now->run.value == 2);
  CHECK(now->status == "connected");
  CHECK(now->description == "Kiosk");

  auto first = list_interfaces(db, {.run = RunId{1}, .device = std::nullopt});
  REQUIRE(first);
  const auto* then = find_interface(*first, "Gi1/0/2");
  REQUIRE(then);
  CHECK(then->status == "notconnect");

  auto other = list_interfaces(db, {.run = std::nullopt, .device = std::string("no-such-host")});
  REQUIRE(other);
  CHECK(other->empty());
}

TEST_CASE("raw: byte ranges come back exactly, across stored chunk boundaries", "[raw]") {
  test::TempDir dir;
  std::string capture = "BIG-B1-ACC-01#show logging\nLog Buffer (4096000 bytes):\n";
  for (int i = 0; capture.size() < 700'000; ++i) {
    capture += "0" + std::to_string(100000 + i) + ": Nov 20 08:" + std::to_string(10 + i % 50) +
               ":12.345 UTC: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/" + std::to_string(1 + i % 48) +
               ", changed state to down\n";
  }
  test::write_file(dir / "b/big.log", capture);
  auto db = fresh_store(dir);
  auto summary = ingest_path(db, dir / "b");
  REQUIRE(summary);
  for (std::uint64_t offset : std::vector<std::uint64_t>{0, 1000, 262'000, 262'144, 524'200, capture.size() - 10}) {
    std::uint64_t length = std::min<std::uint64_t>(900, capture.size() - offset);
    auto bytes = read_raw(db, summary->run, "big.log", {offset, length});
    REQUIRE(bytes);
    CHECK(*bytes == capture.substr(offset, length));
  }
  auto past = read_raw(db, summary->run, "big.log", {capture.size() - 5, 10});
  REQUIRE_FALSE(past);
  CHECK_THAT(past.error().message, Catch::Contains("past the end"));
  auto no_file = read_raw(db, summary->run, "other.log", {0, 1});
  REQUIRE_FALSE(no_file);
  CHECK(no_file.error().kind == ErrorKind::NotFound);
}

TEST_CASE("ingest: a cancelled ingest stores nothing", "[ingest]") {
  test::TempDir dir;
  test::write_file(dir / "b/a.log", test::access_switch_capture());
  auto db = fresh_store(dir);
  std::atomic<bool> cancel{false};
  ingest::IngestOptions options;
  options.bundle = dir / "b";
  options.cancel = &cancel;
  options.progress = [&](double fraction, std::string_view) {
    if (fraction >= 0.85) cancel = true;  // cancel while the store is being written
  };
  auto result = ingest::ingest_bundle(db, test::core_parsers(), options);
  REQUIRE_FALSE(result);
  CHECK(result.error().kind == ErrorKind::Cancelled);
  CHECK(count(db, "runs") == 0);
  CHECK(count(db, "file_chunks") == 0);
}

TEST_CASE("ingest: telemetry per file and device adds up to the file and its sections", "[ingest][telemetry]") {
  test::TempDir dir;
  const std::string capture = test::access_switch_capture("NYC-B2-ACC-07");
  test::write_file(dir / "b/a.log", capture);
  auto db = fresh_store(dir);
  REQUIRE(ingest_path(db, dir / "b"));
  auto stmt = db.prepare(
      "SELECT COALESCE(d.hostname, ''), t.bytes, t.parse_seconds, t.parsed, t.unknown, t.failed "
      "FROM ingest_telemetry t LEFT JOIN devices d ON d.id = t.device_id ORDER BY t.rowid");
  REQUIRE(stmt);
  std::int64_t bytes = 0;
  std::vector<std::string> hosts;
  while (*stmt->step()) {
    hosts.push_back(stmt->text(0));
    bytes += stmt->int64(1);
    CHECK(stmt->is_null(2) == false);
    if (hosts.back() == "NYC-B2-ACC-07") {
      CHECK(stmt->int64(3) == 4);  // clock, version, interfaces status, logging
      CHECK(stmt->int64(4) == 3);  // terminal length (no output), show vlan brief, exit
      CHECK(stmt->int64(5) == 0);
    }
  }
  CHECK(hosts == std::vector<std::string>{"", "NYC-B2-ACC-07"});  // the preamble has no device
  CHECK(bytes == static_cast<std::int64_t>(capture.size()));
  CHECK(count(db, "file_chunks") >= 1);
  auto codec = db.prepare("SELECT DISTINCT codec FROM file_chunks");
  REQUIRE(codec);
  REQUIRE(*codec->step());
  CHECK(codec->text(0) == "zstd");
}

// show switch and show version both give a stack's members: the store keeps one row per
// member with the columns of both (role, priority and state from show switch; model, serial
// and software version from show version), whichever came first.
TEST_CASE("ingest: a stack member from show switch and show version is one merged row", "[ingest][stack]") {
  const std::string version =
      "Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4a, RELEASE SOFTWARE (fc3)\n"
      "LAB-B1-ACC-01 uptime is 2 days, 1 hour, 5 minutes\n"
      "cisco C9300-48P (X86) processor with 1338934K/6147K bytes of memory.\n"
      "Processor board ID FOC2248X0TQ\n"
      "Base Ethernet MAC Address          : 70:b3:17:c4:a2:80\n"
      "\n"
      "Switch Ports Model              SW Version        SW Image              Mode\n"
      "------ ----- -----              ----------        ----------            ----\n"
      "*    1 65    C9300-48P          17.9.4a           CAT9K_IOSXE           INSTALL\n"
      "     2 41    C9300-24P          17.9.4a           CAT9K_IOSXE           INSTALL\n"
      "\n"
      "Switch 02\n"
      "---------\n"
      "Base Ethernet MAC Address          : 70:b3:17:d9:0e:00\n"
      "Model Number                       : C9300-24P\n"
      "System Serial Number               : FOC2251Y1ZZ\n"
      "\n"
      "Configuration register is 0x102\n";
  const std::string sw =
      "Switch/Stack Mac Address : 70b3.17c4.a280 - Local Mac Address\n"
      "                                             H/W   Current\n"
      // Indented: at column 0 the session splitter takes "Switch#" for a prompt (a known
      // problem of its own, reported with this change).
      " Switch#   Role    Mac Address     Priority Version  State \n"
      "-------------------------------------------------------------------------------------\n"
      "*1       Active   70b3.17c4.a280     15     V02     Ready                \n"
      " 2       Standby  70b3.17d9.0e00     14     V02     Ready                \n";
  const std::string h = "LAB-B1-ACC-01";
  auto registry = rules::build_registry(rules::RegistrySources{});
  REQUIRE(registry);
  for (bool switch_first : {true, false}) {
    INFO("show switch first: " << switch_first);
    test::TempDir dir;
    const std::string a = h + "#show switch\n" + sw, b = h + "#show version\n" + version;
    test::write_file(dir / "bundle/LAB-B1-ACC-01.log", (switch_first ? a + b : b + a) + h + "#\n");
    auto db = fresh_store(dir);
    ingest::IngestOptions options;
    options.bundle = dir / "bundle";
    REQUIRE(ingest::ingest_bundle(db, *registry, options));
    const auto* kind = model::object_kind_by_table("stack_members");
    REQUIRE(kind != nullptr);
    auto rows = list_objects(db, *kind, ListingFilter{});
    REQUIRE(rows);
    REQUIRE(rows->size() == 2);
    auto value = [&](const ObjectRow& r, std::string_view column) {
      const auto& v = r.values[*kind->column_index(column)];
      return std::holds_alternative<std::string>(v) ? std::get<std::string>(v) : std::string("<none>");
    };
    for (const auto& r : *rows) {
      const bool one = value(r, "switch") == "1";
      CHECK(value(r, "role") == (one ? "active" : "standby"));
      CHECK(value(r, "priority") == (one ? "15" : "14"));
      CHECK(value(r, "state") == "ready");
      CHECK(value(r, "mac") == (one ? "70b3.17c4.a280" : "70b3.17d9.0e00"));
      CHECK(value(r, "model") == (one ? "C9300-48P" : "C9300-24P"));
      CHECK(value(r, "serial") == (one ? "FOC2248X0TQ" : "FOC2251Y1ZZ"));
      CHECK(value(r, "version") == "17.9.4a");
    }
  }
}
