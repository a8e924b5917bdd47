#include "store/record_listing.h"

namespace st::store {

Result<std::vector<RecordRow>> list_records(Database& db, const ListingFilter& filter,
                                            const std::optional<std::string>& command) {
  ST_TRY(auto stmt, db.prepare(
      "SELECT r.run_id, d.hostname, r.command, r.parser, r.object_key, r.row_json, f.path, r.offset, r.length "
      "FROM records r JOIN devices d ON d.id = r.device_id JOIN files f ON f.id = r.file_id "
      "WHERE ((?1 IS NULL AND r.run_id = (SELECT MAX(x.run_id) FROM device_snapshots x WHERE x.device_id = r.device_id))"
      "       OR r.run_id = ?1)"
      "  AND (?2 IS NULL OR d.hostname = ?2) AND (?3 IS NULL OR r.command = ?3) "
      "ORDER BY d.site, d.hostname, r.run_id, r.id"));
  stmt.reset();
  stmt.bind(1, filter.run ? SqlValue{filter.run->value} : SqlValue{nullptr});
  stmt.bind(2, filter.device);
  stmt.bind(3, command);
  std::vector<RecordRow> rows;
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    RecordRow row;
    row.run = RunId{stmt.int64(0)};
    row.device = stmt.text(1);
    row.command = stmt.text(2);
    row.parser = stmt.text(3);
    row.object_key = stmt.text(4);
    row.row = nlohmann::ordered_json::parse(stmt.text(5), nullptr, false);
    row.source = SourceRef{stmt.text(6), static_cast<std::uint64_t>(stmt.int64(7)), static_cast<std::uint64_t>(stmt.int64(8))};
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace st::store
