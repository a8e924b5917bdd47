#include "store/record_listing.h"

#include "store/snapshot_filter.h"

namespace st::store {

Result<std::vector<RecordRow>> list_records(Database& db, const ListingFilter& filter,
                                            const std::optional<std::string>& command) {
  ST_TRY(auto stmt, db.prepare(
      "SELECT r.run_id, d.hostname, r.command, r.parser, r.object_key, r.row_json, f.path, r.offset, r.length "
      "FROM records r JOIN devices d ON d.id = r.device_id JOIN files f ON f.id = r.file_id "
      "WHERE" + snapshot_filter("r") + "AND (?7 IS NULL OR r.command = ?7) "
      "ORDER BY d.site, d.hostname, r.run_id, r.id"));
  bind_filter(stmt, filter);
  stmt.bind(7, command);
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
