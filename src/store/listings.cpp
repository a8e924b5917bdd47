#include "store/listings.h"

#include <fmt/format.h>

#include "store/event_block.h"
#include "store/snapshot_filter.h"
#include "store/raw_reader.h"

namespace st::store {
namespace {

std::vector<std::string> lines_of(const std::optional<std::string>& text, char separator) {
  std::vector<std::string> out;
  if (!text) return out;
  std::size_t start = 0;
  while (start < text->size()) {
    std::size_t end = text->find(separator, start);
    if (end == std::string::npos) end = text->size();
    if (end > start) out.push_back(text->substr(start, end - start));
    start = end + 1;
  }
  return out;
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
      "       ds.uptime, f.path, ds.offset, ds.length, ds.reload_reason, ds.location, ds.zone, ds.building, "
      "       ds.floor, ds.room, ds.\"row\", ds.rack "
      "FROM device_snapshots ds JOIN devices d ON d.id = ds.device_id LEFT JOIN files f ON f.id = ds.file_id "
      "WHERE" + snapshot_filter("ds") + "ORDER BY d.site, d.hostname, ds.run_id"));
  bind_filter(stmt, filter);
  return collect<DeviceRow>(stmt, [](const Statement& s) {
    DeviceRow row;
    row.run = RunId{s.int64(0)};
    row.id = DeviceId{s.int64(1)};
    row.hostname = s.text(2);
    row.site = s.text(3);
    row.vendor = s.optional_text(4);
    row.platform = s.optional_text(5);
    row.model = s.optional_text(6);
    row.os_version = s.optional_text(7);
    row.serial = s.optional_text(8);
    row.uptime = s.optional_text(9);
    if (!s.is_null(10)) row.source = source_at(s, 10);
    row.reload_reason = s.optional_text(13);
    row.location = s.optional_text(14);
    row.zone = s.optional_text(15);
    row.building = s.optional_text(16);
    row.floor = s.optional_text(17);
    row.room = s.optional_text(18);
    row.row = s.optional_text(19);
    row.rack = s.optional_text(20);
    return row;
  });
}

Result<std::vector<InterfaceRow>> list_interfaces(Database& db, const ListingFilter& filter) {
  ST_TRY(auto stmt, db.prepare(
      "SELECT i.run_id, d.hostname, i.name, i.name_raw, i.status, i.vlan, i.duplex, i.speed, i.type, "
      "       i.description, f.path, i.offset, i.length, i.mode, i.access_vlan, i.voice_vlan, i.port_type, "
      "       i.auth_template, i.auth_state, i.auth_method, i.compliance, i.compliance_template, "
      "       i.missing_auth_commands, i.learned_macs, i.learned_mac_count, d.site, ds.zone, ds.building, ds.room "
      "FROM interfaces i JOIN devices d ON d.id = i.device_id JOIN files f ON f.id = i.file_id "
      "LEFT JOIN device_snapshots ds ON ds.run_id = i.run_id AND ds.device_id = i.device_id "
      "WHERE" + snapshot_filter("i") + "ORDER BY d.site, d.hostname, i.run_id, i.file_id, i.offset"));
  bind_filter(stmt, filter);
  return collect<InterfaceRow>(stmt, [](const Statement& s) {
    InterfaceRow row;
    row.run = RunId{s.int64(0)};
    row.device = s.text(1);
    row.name = s.text(2);
    row.name_raw = s.text(3);
    row.status = s.optional_text(4);
    row.vlan = s.optional_text(5);
    row.duplex = s.optional_text(6);
    row.speed = s.optional_text(7);
    row.type = s.optional_text(8);
    row.description = s.optional_text(9);
    row.source = source_at(s, 10);
    row.mode = s.optional_text(13);
    row.access_vlan = s.optional_text(14);
    row.voice_vlan = s.optional_text(15);
    row.port_type = s.optional_text(16);
    row.auth_template = s.optional_text(17);
    row.auth_state = s.optional_text(18);
    row.auth_method = s.optional_text(19);
    row.compliance = s.optional_text(20);
    row.compliance_template = s.optional_text(21);
    row.missing_auth_commands = lines_of(s.optional_text(22), '\n');
    if (!s.is_null(24)) row.learned_macs = lines_of(s.optional_text(23), ' ');
    row.site = s.text(25);
    row.zone = s.optional_text(26);
    row.building = s.optional_text(27);
    row.room = s.optional_text(28);
    return row;
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
      "SELECT s.run_id, d.hostname, s.command, s.canonical_command, s.filter, s.status, s.reason, s.parser, "
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
    return SectionRow{RunId{s.int64(0)}, s.optional_text(1), s.text(2), s.optional_text(3), s.optional_text(4),
                      s.text(5), s.optional_text(6), s.optional_text(7), source_at(s, 8)};
  });
}

}  // namespace st::store
