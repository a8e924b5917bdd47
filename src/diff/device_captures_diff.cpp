#include "diff/device_captures_diff.h"

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "diff/stored_diff.h"

namespace st::diff {

Result<std::set<std::int64_t>> device_ids_of(store::Database& db, std::string_view hostname) {
  ST_TRY(auto stmt, db.prepare("SELECT id FROM devices WHERE hostname = ?"));
  stmt.bind_all(store::SqlValue{hostname});
  std::set<std::int64_t> ids;
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    ids.insert(stmt.int64(0));
  }
  if (ids.empty()) return fail(ErrorKind::NotFound, fmt::format("no device '{}' in the store", hostname));
  return ids;
}

Result<DeviceCaptures> diff_device_captures(store::Database& db, std::string_view hostname, std::size_t last,
                                            DiffOptions options) {
  if (last < 2) return fail(ErrorKind::Usage, fmt::format("the last {} capture(s) make no diff: give 2 or more", last));
  ST_TRY(auto ids, device_ids_of(db, hostname));
  ST_TRY(auto stmt, db.prepare("SELECT DISTINCT s.run_id FROM device_snapshots s JOIN devices d ON d.id = s.device_id "
                               "WHERE d.hostname = ? ORDER BY s.run_id DESC LIMIT ?"));
  stmt.bind_all(store::SqlValue{hostname}, store::SqlValue{static_cast<std::int64_t>(last)});
  DeviceCaptures out;
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    out.runs.push_back(RunId{stmt.int64(0)});
  }
  std::reverse(out.runs.begin(), out.runs.end());
  options.devices = std::move(ids);
  for (std::size_t i = 1; i < out.runs.size(); ++i) {
    ST_TRY(auto pair, diff_between(db, out.runs[i - 1], out.runs[i], options));
    out.changes.insert(out.changes.end(), std::make_move_iterator(pair.begin()), std::make_move_iterator(pair.end()));
  }
  return out;
}

}  // namespace st::diff
