#include "store/retention.h"

#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <sqlite3.h>

#include "diff/diff_kind.h"

namespace st::store {

Result<PruneTotals> prune_snapshots(Database& db, RunId run, int keep) {
  PruneTotals totals;
  if (keep <= 0) return totals;
  ST_TRY(auto old, db.prepare(
      "SELECT o.device_id, o.run_id FROM device_snapshots d JOIN device_snapshots o ON o.device_id = d.device_id "
      "WHERE d.run_id = ?1 AND o.pruned = 0 AND o.run_id NOT IN "
      "  (SELECT k.run_id FROM device_snapshots k WHERE k.device_id = d.device_id ORDER BY k.run_id DESC LIMIT ?2)"));
  old.bind_all(SqlValue{run.value}, SqlValue{std::int64_t{keep}});
  std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
  while (true) {
    ST_TRY(bool more, old.step());
    if (!more) break;
    pairs.emplace_back(old.int64(0), old.int64(1));
  }
  if (pairs.empty()) return totals;
  // Every table of a snapshot's objects: the diff's kinds (less the device row itself) and the digests.
  std::vector<Statement> deletes;
  for (const auto& kind : diff::diff_kinds()) {
    if (kind.table == "device_snapshots") continue;
    ST_TRY(auto d, db.prepare(fmt::format("DELETE FROM {} WHERE run_id = ? AND device_id = ?", kind.table)));
    deletes.push_back(std::move(d));
  }
  ST_TRY(auto digests, db.prepare("DELETE FROM snapshot_digests WHERE run_id = ? AND device_id = ?"));
  deletes.push_back(std::move(digests));
  ST_TRY(auto mark, db.prepare("UPDATE device_snapshots SET pruned = 1 WHERE run_id = ? AND device_id = ?"));
  for (const auto& [device, old_run] : pairs) {
    for (auto& d : deletes) {
      d.bind_all(SqlValue{old_run}, SqlValue{device});
      ST_CHECK(d.run());
      totals.rows += static_cast<std::size_t>(sqlite3_changes(db.handle()));
    }
    mark.bind_all(SqlValue{old_run}, SqlValue{device});
    ST_CHECK(mark.run());
    ++totals.snapshots;
  }
  return totals;
}

}  // namespace st::store
