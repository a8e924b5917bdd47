#include "store/object_listing.h"

#include <fmt/format.h>

#include "store/snapshot_filter.h"

namespace st::store {

Result<std::vector<ObjectRow>> list_objects(Database& db, const model::ObjectKind& kind, const ListingFilter& filter) {
  std::string columns;
  for (const auto& c : kind.columns) columns += fmt::format("o.\"{}\", ", c.name);
  // Same snapshot rule as the other listings: a run, else each device's latest.
  ST_TRY(auto stmt, db.prepare(fmt::format(
      "SELECT o.run_id, d.hostname, d.site, {}f.path, o.offset, o.length "
      "FROM {} o JOIN devices d ON d.id = o.device_id JOIN files f ON f.id = o.file_id "
      "WHERE {}ORDER BY d.site, d.hostname, o.run_id, o.file_id, o.offset, o.object_key",
      columns, kind.table, snapshot_filter("o"))));
  bind_filter(stmt, filter);
  std::vector<ObjectRow> rows;
  const int first = 3;
  const int source = first + static_cast<int>(kind.columns.size());
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    ObjectRow row{RunId{stmt.int64(0)}, stmt.text(1), stmt.text(2), &kind, {}, {}};
    row.values.reserve(kind.columns.size());
    for (int c = first; c < source; ++c) {
      if (stmt.is_null(c)) row.values.emplace_back(std::monostate{});
      else if (stmt.is_integer(c)) row.values.emplace_back(stmt.int64(c));
      else row.values.emplace_back(stmt.text(c));
    }
    row.source = SourceRef{stmt.text(source), static_cast<std::uint64_t>(stmt.int64(source + 1)),
                           static_cast<std::uint64_t>(stmt.int64(source + 2))};
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace st::store
