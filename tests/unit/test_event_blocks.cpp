#include <catch2/catch.hpp>

#include "store/event_block.h"
#include "store/listings.h"
#include "store/migration_list.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;
using namespace st::store;

namespace {

StoredEvent link_event(std::uint64_t offset, std::string_view port, std::string_view state, std::int64_t unix_seconds) {
  StoredEvent e;
  e.offset = offset;
  e.length = 96;
  e.unix_seconds = unix_seconds;
  e.millis = 204;
  e.timestamp = parse::format_utc_iso(unix_seconds, e.millis);
  e.timestamp_raw = "Nov 20 07:48:51.204 UTC";
  e.time_quality = parse::TimeQuality::YearInferred;
  e.sequence = 22701 + static_cast<std::int64_t>(offset);
  e.facility = "LINK";
  e.severity = 3;
  e.mnemonic = "UPDOWN";
  e.message_id = "LINK-3-UPDOWN";
  e.interface = std::string(port);
  e.message = "Interface " + std::string(port) + ", changed state to " + std::string(state);
  e.kind = state == "down" ? "link_down" : "link_up";
  return e;
}

std::vector<EventView> views(const std::vector<StoredEvent>& events) {
  std::vector<EventView> out;
  for (const auto& e : events) out.push_back(view_of(e));
  return out;
}

void check_same(const StoredEvent& a, const StoredEvent& b) {
  CHECK(a.offset == b.offset);
  CHECK(a.length == b.length);
  CHECK(a.timestamp == b.timestamp);
  CHECK(a.unix_seconds == b.unix_seconds);
  CHECK(a.millis == b.millis);
  CHECK(a.timestamp_raw == b.timestamp_raw);
  CHECK(a.time_quality == b.time_quality);
  CHECK(a.sequence == b.sequence);
  CHECK(a.facility == b.facility);
  CHECK(a.severity == b.severity);
  CHECK(a.mnemonic == b.mnemonic);
  CHECK(a.message_id == b.message_id);
  CHECK(a.interface == b.interface);
  CHECK(a.message == b.message);
  CHECK(a.kind == b.kind);
}

}  // namespace

TEST_CASE("event blocks: every field survives encoding, absent ones stay absent", "[event_block]") {
  std::vector<StoredEvent> events;
  events.push_back(link_event(18083, "GigabitEthernet1/0/5", "down", 1795160931));
  events.push_back(link_event(18190, "GigabitEthernet1/0/5", "up", 1795160934));
  StoredEvent bare;  // an uptime-only line: no timestamp, sequence, severity or interface
  bare.offset = 17000;  // earlier than the previous event: offsets need not increase
  bare.length = 51;
  bare.timestamp_raw = "1d02h";
  bare.time_quality = parse::TimeQuality::UptimeOnly;
  bare.facility = "SYSTEM";
  bare.mnemonic = "";
  bare.message_id = "";
  bare.message = "Stack unit 2 POE Power Supply 1 failed\nsecond line kept with its newline";
  bare.kind = "power_fault";
  events.push_back(bare);

  auto block = encode_event_block(views(events));
  CHECK(block.count == 3);
  CHECK(block.first_offset == 17000);
  CHECK(block.end_offset == 18190 + 96);
  CHECK(block.first_time == 1795160931);
  CHECK(block.last_time == 1795160934);
  CHECK(block.latest_iso == events[1].timestamp);
  CHECK(block.kinds == "link_down,link_up,power_fault");

  auto decoded = decode_event_block(block.codec, block.data, "event block 1");
  REQUIRE(decoded);
  REQUIRE(decoded->size() == events.size());
  for (std::size_t i = 0; i < events.size(); ++i) check_same((*decoded)[i], events[i]);
}

TEST_CASE("event blocks: thousands of events split into blocks and compress", "[event_block]") {
  std::vector<StoredEvent> events;
  for (std::uint64_t i = 0; i < 10000; ++i) {
    events.push_back(link_event(i * 97, "GigabitEthernet1/0/" + std::to_string(1 + i % 48), i % 2 ? "up" : "down",
                                1795160931 + static_cast<std::int64_t>(i)));
  }
  auto blocks = encode_event_blocks(views(events));
  REQUIRE(blocks.size() == 3);  // 4096 + 4096 + 1808
  CHECK(blocks[2].count == 10000 - 2 * kEventsPerBlock);
  std::size_t raw = 0, stored = 0, index = 0;
  for (const auto& e : events) raw += e.message.size() + e.timestamp_raw.size() + e.facility.size();
  for (const auto& b : blocks) {
    stored += b.data.size();
    auto decoded = decode_event_block(b.codec, b.data, "event block");
    REQUIRE(decoded);
    for (const auto& e : *decoded) check_same(e, events[index++]);
  }
  CHECK(index == events.size());
  CHECK(stored * 5 < raw);  // repetitive syslog compresses well in columns
}

TEST_CASE("event blocks: texts found in the raw file are stored as references to it", "[event_block]") {
  // Three log lines as captured: the third was cleaned (an ANSI colour code), so its message
  // is not verbatim in the raw bytes and must be stored as text.
  const std::string raw =
      "sw1#show logging\r\n"
      "*Nov 20 07:48:51.204 UTC: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/5, changed state to down\r\n"
      "*Nov 20 07:48:54.204 UTC: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/5, changed state to up\r\n"
      "*Nov 20 07:49:01.000 UTC: %SYS-5-CONFIG_I: Configured from \x1b[1mconsole\x1b[0m by admin\r\n";
  std::vector<StoredEvent> events;
  std::size_t line_start = raw.find('*');
  for (std::string_view state : {"down", "up"}) {
    auto e = link_event(line_start, "GigabitEthernet1/0/5", state, 1795160931);
    e.length = raw.find('\r', line_start) - line_start;
    e.timestamp_raw = "Nov 20 07:48:51.204 UTC";
    if (state == "up") e.timestamp_raw = "Nov 20 07:48:54.204 UTC";
    events.push_back(e);
    line_start = raw.find('*', line_start + 1);
  }
  StoredEvent config = link_event(line_start, "", "", 1795160941);
  config.length = raw.size() - 2 - line_start;
  config.interface.reset();
  config.timestamp_raw = "Nov 20 07:49:01.000 UTC";
  config.message = "Configured from console by admin";
  config.message_id = "SYS-5-CONFIG_I";
  config.kind = "other";
  events.push_back(config);

  auto with_refs = encode_event_block(views(events), raw);
  auto as_text = encode_event_block(views(events));
  CHECK(with_refs.data.size() < as_text.data.size());
  // Reading takes the raw bytes the block's events span, once.
  int reads = 0;
  const auto reader = [&](ByteRange range) -> Result<std::string> {
    ++reads;
    CHECK(range.offset == events.front().offset);
    CHECK(range.end() == events.back().offset + events.back().length);
    return raw.substr(range.offset, range.length);
  };
  auto decoded = decode_event_block(with_refs.codec, with_refs.data, "event block 3", reader);
  REQUIRE(decoded);
  CHECK(reads == 1);
  REQUIRE(decoded->size() == events.size());
  for (std::size_t i = 0; i < events.size(); ++i) check_same((*decoded)[i], events[i]);
  // A block of texts needs no raw bytes; one with references says so when none are given.
  CHECK(decode_event_block(as_text.codec, as_text.data, "event block 4"));
  auto no_raw = decode_event_block(with_refs.codec, with_refs.data, "event block 3");
  REQUIRE_FALSE(no_raw);
  CHECK_THAT(no_raw.error().message, Catch::Contains("event block 3") && Catch::Contains("raw bytes"));
  // Raw bytes that do not cover the events (a damaged store) are an error too.
  auto short_raw = decode_event_block(with_refs.codec, with_refs.data, "event block 3",
                                      [&](ByteRange range) -> Result<std::string> { return raw.substr(range.offset, 10); });
  CHECK_FALSE(short_raw);
}

TEST_CASE("event blocks: a damaged block is an error naming the block, never a crash", "[event_block]") {
  auto block = encode_event_block(views({link_event(10, "Gi1/0/1", "down", 1795160931)}));
  std::string truncated = block.data.substr(0, block.data.size() / 2);
  auto r = decode_event_block(block.codec, truncated, "event block 7");
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error().message, Catch::Contains("event block 7"));
  std::string flipped = block.data;
  flipped[0] = static_cast<char>(flipped[0] ^ 0x55);  // wrong uncompressed size
  CHECK_FALSE(decode_event_block(block.codec, flipped, "event block 7"));
  auto unknown = decode_event_block("lz4", block.data, "event block 7");
  REQUIRE_FALSE(unknown);
  CHECK_THAT(unknown.error().message, Catch::Contains("unknown codec"));
}

TEST_CASE("event blocks: an event's identity depends on its text, not its position", "[event_block]") {
  auto a = link_event(10, "Gi1/0/1", "down", 1795160931);
  auto b = a;
  b.offset = 99999;
  CHECK(event_identity(a).content_hash == event_identity(b).content_hash);
  CHECK(event_identity(a).object_key == "event:" + event_identity(a).content_hash);
  b.message += "!";
  CHECK(event_identity(a).content_hash != event_identity(b).content_hash);
}

TEST_CASE("event blocks: a version 3 store's event rows are migrated into blocks, nothing lost", "[event_block][store]") {
  test::TempDir dir;
  const auto path = dir / "v3.sqlite";
  {
    auto db = Database::open(path, OpenMode::ReadWrite);
    REQUIRE(db);
    for (const auto& m : migrations()) {
      if (m.number > 3) break;
      REQUIRE(db->exec(m.sql));
    }
    REQUIRE(db->exec("PRAGMA user_version = 3"));
    REQUIRE(db->exec(
        "INSERT INTO runs(id, bundle, ingested_at, captured_at_source, status) "
        "  VALUES (1, '/cases/ticket-4411', '2026-11-20T09:20:00Z', 'syslog', 'complete');"
        "INSERT INTO files(id, run_id, path, size) VALUES (1, 1, 'NYC-B2-ACC-07.log', 40000), "
        "  (2, 1, 'NYC-B2-ACC-08.log', 30000);"
        "INSERT INTO devices(id, site, hostname) VALUES (1, 'NYC', 'NYC-B2-ACC-07'), (2, 'NYC', 'NYC-B2-ACC-08');"
        "INSERT INTO device_snapshots(run_id, device_id, object_key, content_hash, hostname_source) VALUES "
        "  (1, 1, 'device:NYC-B2-ACC-07', 'x', 'prompt'), (1, 2, 'device:NYC-B2-ACC-08', 'y', 'prompt');"
        "INSERT INTO events(run_id, device_id, object_key, content_hash, file_id, offset, length, timestamp, "
        "  timestamp_raw, time_quality, sequence, facility, severity, mnemonic, message_id, interface, message, kind) "
        "VALUES (1, 1, 'event:a', 'a', 1, 100, 80, '2026-11-20T07:48:51.204Z', 'Nov 20 07:48:51.204 UTC', "
        "  'year_inferred', 22701, 'LINK', 3, 'UPDOWN', 'LINK-3-UPDOWN', 'Gi1/0/5', "
        "  'Interface GigabitEthernet1/0/5, changed state to down', 'link_down'),"
        " (1, 2, 'event:b', 'b', 2, 50, 60, NULL, '1d02h', 'uptime_only', NULL, 'SYS', NULL, 'RESTART', "
        "  'SYS-5-RESTART', NULL, 'System restarted', 'other'),"
        " (1, 1, 'event:c', 'c', 1, 200, 80, '2026-11-20T07:48:54Z', 'Nov 20 07:48:54 UTC', "
        "  'year_inferred', 22702, 'LINK', 3, 'UPDOWN', 'LINK-3-UPDOWN', 'Gi1/0/5', "
        "  'Interface GigabitEthernet1/0/5, changed state to up', 'link_up');"));
  }
  auto db = open_store(path, OpenMode::ReadWrite);
  REQUIRE(db);
  auto tables = db->prepare("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'events'");
  REQUIRE(tables);
  REQUIRE(*tables->step());
  CHECK(tables->int64(0) == 0);  // the row table is gone

  auto events = list_events(*db, {});
  REQUIRE(events);
  REQUIRE(events->size() == 3);
  const EventRow& down = (*events)[0];
  CHECK(down.device == "NYC-B2-ACC-07");
  CHECK(down.timestamp == "2026-11-20T07:48:51.204Z");
  CHECK(down.time_quality == "year_inferred");
  CHECK(down.severity == 3);
  CHECK(down.interface == "Gi1/0/5");
  CHECK(down.kind == "link_down");
  CHECK(down.source.file == "NYC-B2-ACC-07.log");
  CHECK(down.source.offset == 100);
  CHECK(down.source.length == 80);
  CHECK((*events)[1].kind == "link_up");
  CHECK((*events)[1].source.offset == 200);
  const EventRow& restart = (*events)[2];
  CHECK(restart.device == "NYC-B2-ACC-08");
  CHECK_FALSE(restart.timestamp);
  CHECK_FALSE(restart.severity);
  CHECK_FALSE(restart.interface);
  CHECK(restart.time_quality == "uptime_only");
  CHECK(restart.source.file == "NYC-B2-ACC-08.log");

  auto summary = db->prepare("SELECT event_count, first_time, last_time, kinds FROM event_blocks WHERE device_id = 1");
  REQUIRE(summary);
  REQUIRE(*summary->step());
  CHECK(summary->int64(0) == 2);
  CHECK(summary->int64(1) == 1795160931);  // 2026-11-20T07:48:51Z
  CHECK(summary->int64(2) == 1795160934);
  CHECK(summary->text(3) == "link_down,link_up");
}
