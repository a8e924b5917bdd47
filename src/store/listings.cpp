#include "store/listings.h"

#include <fmt/format.h>

#include "store/event_block.h"
#include "store/raw_reader.h"

namespace st::store {
namespace {

// ?1 = run id or NULL (latest snapshot per device), ?2 = hostname or NULL.
constexpr std::string_view kSnapshotFilter =
    " ((?1 IS NULL AND {alias}.run_id = (SELECT MAX(x.run_id) FROM device_snapshots x"
    "                                      WHERE x.device_id = {alias}.device_id))"
    "  OR {alias}.run_id = ?1)"
    " AND (?2 IS NULL OR d.hostname = ?2) ";

std::string snapshot_filter(std::string_view alias) {
  std::string out(kSnapshotFilter);
  for (std::size_t pos; (pos = out.find("{alias}")) != std::string::npos;) out.replace(pos, 7, alias);
  return out;
}

void bind_filter(Statement& stmt, const ListingFilter& filter) {
  stmt.reset();
  stmt.bind(1, filter.run ? SqlValue{filter.run->value} : SqlValue{nullptr});
  stmt.bind(2, filter.device);
}

SourceRef source_at(const Statement& s, int column) {
  return SourceRef{s.text(column), static_cast<std::uint64_t>(s.int64(column + 1)),
                   static_cast<std::uint64_t>(s.int64(column + 2))};
}

template <class Row, class Read>
Result<std::vector<Row>> collect(Statement& stmt, Read read) {
  std::vector<Row> rows;
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    rows.push_back(read(stmt));
  }
  return rows;
}

}  // namespace

Result<std::vector<RunRow>> list_runs(Database& db) {
  ST_TRY(auto stmt, db.prepare("SELECT id, bundle, site, ingested_at, captured_at, captured_at_source, status "
                               "FROM runs ORDER BY id"));
  return collect<RunRow>(stmt, [](const Statement& s) {
    return RunRow{RunId{s.int64(0)}, s.text(1), s.optional_text(2), s.text(3), s.optional_text(4), s.text(5), s.text(6)};
  });
}

Result<std::vector<DeviceRow>> list_devices(Database& db, const ListingFilter& filter) {
  ST_TRY(auto stmt, db.prepare(
      "SELECT ds.run_id, d.id, d.hostname, d.site, ds.vendor, ds.platform, ds.model, ds.os_version, ds.serial, "
      "       ds.uptime, f.path, ds.offset, ds.length "
      "FROM device_snapshots ds JOIN devices d ON d.id = ds.device_id LEFT JOIN files f ON f.id = ds.file_id "
      "WHERE" + snapshot_filter("ds") + "ORDER BY d.site, d.hostname, ds.run_id"));
  bind_filter(stmt, filter);
  return collect<DeviceRow>(stmt, [](const Statement& s) {
    DeviceRow row{RunId{s.int64(0)}, DeviceId{s.int64(1)}, s.text(2), s.text(3), s.optional_text(4),
                  s.optional_text(5), s.optional_text(6), s.optional_text(7), s.optional_text(8),
                  s.optional_text(9), std::nullopt};
    if (!s.is_null(10)) row.source = source_at(s, 10);
    return row;
  });
}

Result<std::vector<InterfaceRow>> list_interfaces(Database& db, const ListingFilter& filter) {
  ST_TRY(auto stmt, db.prepare(
      "SELECT i.run_id, d.hostname, i.name, i.name_raw, i.status, i.vlan, i.duplex, i.speed, i.type, "
      "       i.description, f.path, i.offset, i.length "
      "FROM interfaces i JOIN devices d ON d.id = i.device_id JOIN files f ON f.id = i.file_id "
      "WHERE" + snapshot_filter("i") + "ORDER BY d.site, d.hostname, i.run_id, i.file_id, i.offset"));
  bind_filter(stmt, filter);
  return collect<InterfaceRow>(stmt, [](const Statement& s) {
    return InterfaceRow{RunId{s.int64(0)}, s.text(1), s.text(2), s.text(3), s.optional_text(4), s.optional_text(5),
                        s.optional_text(6), s.optional_text(7), s.optional_text(8), s.optional_text(9),
                        source_at(s, 10)};
  });
}

Result<void> for_each_event(Database& db, const ListingFilter& filter,
                            const std::function<void(EventRow&&)>& visit) {
  ST_TRY(auto stmt, db.prepare(
      "SELECT b.id, b.run_id, d.hostname, f.path, b.codec, b.data "
      "FROM event_blocks b JOIN devices d ON d.id = b.device_id JOIN files f ON f.id = b.file_id "
      "WHERE" + snapshot_filter("b") + "ORDER BY d.site, d.hostname, b.run_id, b.id"));
  bind_filter(stmt, filter);
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    const RunId run{stmt.int64(1)};
    const std::string device = stmt.text(2);
    const std::string file = stmt.text(3);
    const auto raw = [&](ByteRange range) { return read_raw(db, run, file, range); };
    ST_TRY(auto events, decode_event_block(stmt.text(4), stmt.blob(5), fmt::format("event block {}", stmt.int64(0)), raw));
    for (auto& e : events) {
      visit(EventRow{run, device, std::move(e.timestamp), std::move(e.timestamp_raw),
                     std::string(parse::to_string(e.time_quality)), std::move(e.facility), e.severity,
                     std::move(e.mnemonic), std::move(e.message_id), std::move(e.interface), std::move(e.message),
                     std::move(e.kind), SourceRef{file, e.offset, e.length}});
    }
  }
  return {};
}

Result<std::vector<EventRow>> list_events(Database& db, const ListingFilter& filter) {
  std::vector<EventRow> rows;
  ST_CHECK(for_each_event(db, filter, [&](EventRow&& row) { rows.push_back(std::move(row)); }));
  return rows;
}

Result<std::vector<SectionRow>> list_sections(Database& db, const ListingFilter& filter) {
  // Sections before the first prompt belong to no device; they are listed with a run filter
  // (or, without one, with the latest run) unless a device is asked for.
  ST_TRY(auto stmt, db.prepare(
      "SELECT s.run_id, d.hostname, s.command, s.canonical_command, s.status, s.reason, s.parser, "
      "       f.path, s.offset, s.length "
      "FROM sections s LEFT JOIN devices d ON d.id = s.device_id JOIN files f ON f.id = s.file_id "
      "WHERE (CASE WHEN s.device_id IS NULL "
      "            THEN ?2 IS NULL AND s.run_id = COALESCE(?1, (SELECT MAX(id) FROM runs)) "
      "            ELSE ((?1 IS NULL AND s.run_id = (SELECT MAX(x.run_id) FROM device_snapshots x "
      "                                               WHERE x.device_id = s.device_id)) OR s.run_id = ?1) "
      "                 AND (?2 IS NULL OR d.hostname = ?2) END) "
      "ORDER BY s.run_id, s.file_id, s.offset"));
  bind_filter(stmt, filter);
  return collect<SectionRow>(stmt, [](const Statement& s) {
    return SectionRow{RunId{s.int64(0)}, s.optional_text(1), s.text(2), s.optional_text(3), s.text(4),
                      s.optional_text(5), s.optional_text(6), source_at(s, 7)};
  });
}

}  // namespace st::store
