#include "store/migration_steps.h"

#include <vector>

#include "store/event_block.h"

namespace st::store {
namespace {

parse::TimeQuality quality_from(std::string_view text) {
  if (text == "year_inferred") return parse::TimeQuality::YearInferred;
  if (text == "zone_assumed") return parse::TimeQuality::ZoneAssumed;
  if (text == "uptime_only") return parse::TimeQuality::UptimeOnly;
  return parse::TimeQuality::Exact;
}

// "2026-11-20T07:48:51.204Z" -> 204: the stored ISO text is format_utc_iso(seconds, millis).
int millis_of(const std::optional<std::string>& iso) {
  if (!iso || iso->size() < 5 || (*iso)[iso->size() - 5] != '.') return 0;
  int millis = 0;
  for (std::size_t i = iso->size() - 4; i + 1 < iso->size(); ++i) millis = millis * 10 + ((*iso)[i] - '0');
  return millis;
}

struct BlockKey {
  std::int64_t run = 0, device = 0, file = 0;
  bool operator==(const BlockKey&) const = default;
};

// 0004: rows of `events` become event blocks, grouped by run, device and file in row order.
Result<void> events_to_blocks(Database& db) {
  ST_TRY(auto rows, db.prepare(
      "SELECT run_id, device_id, file_id, offset, length, timestamp, unixepoch(timestamp), timestamp_raw, "
      "       time_quality, sequence, facility, severity, mnemonic, message_id, interface, message, kind "
      "FROM events ORDER BY run_id, device_id, file_id, id"));
  ST_TRY(auto insert, db.prepare(
      "INSERT INTO event_blocks(run_id, device_id, file_id, first_offset, end_offset, event_count, first_time, "
      "last_time, kinds, codec, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  BlockKey key;
  std::vector<StoredEvent> pending;
  auto flush = [&]() -> Result<void> {
    std::vector<EventView> views;
    views.reserve(pending.size());
    for (const auto& e : pending) views.push_back(view_of(e));
    for (const auto& b : encode_event_blocks(views)) {
      insert.bind_all(SqlValue{key.run}, SqlValue{key.device}, SqlValue{key.file},
                      SqlValue{static_cast<std::int64_t>(b.first_offset)},
                      SqlValue{static_cast<std::int64_t>(b.end_offset)}, SqlValue{static_cast<std::int64_t>(b.count)},
                      b.first_time ? SqlValue{*b.first_time} : SqlValue{nullptr},
                      b.last_time ? SqlValue{*b.last_time} : SqlValue{nullptr}, SqlValue{std::string_view(b.kinds)},
                      SqlValue{std::string_view(b.codec)}, SqlValue{Blob{b.data}});
      ST_CHECK(insert.run());
    }
    pending.clear();
    return {};
  };
  while (true) {
    ST_TRY(bool row, rows.step());
    if (!row) break;
    BlockKey k{rows.int64(0), rows.int64(1), rows.int64(2)};
    if (!(k == key) && !pending.empty()) ST_CHECK(flush());
    key = k;
    StoredEvent e;
    e.offset = static_cast<std::uint64_t>(rows.int64(3));
    e.length = static_cast<std::uint64_t>(rows.int64(4));
    e.timestamp = rows.optional_text(5);
    e.unix_seconds = rows.optional_int64(6);
    e.millis = millis_of(e.timestamp);
    e.timestamp_raw = rows.text(7);
    e.time_quality = quality_from(rows.text(8));
    e.sequence = rows.optional_int64(9);
    e.facility = rows.text(10);
    e.severity = rows.optional_int64(11);
    e.mnemonic = rows.text(12);
    e.message_id = rows.text(13);
    e.interface = rows.optional_text(14);
    e.message = rows.text(15);
    e.kind = rows.text(16);
    pending.push_back(std::move(e));
  }
  if (!pending.empty()) ST_CHECK(flush());
  return db.exec("DROP TABLE events");
}

}  // namespace

Result<void> run_migration_step(Database& db, int number) {
  if (number == 4) return events_to_blocks(db);
  return {};
}

}  // namespace st::store
