#include "store/snapshot_filter.h"

namespace st::store {
namespace {

// ?1 = run id or NULL (latest snapshot per device), ?2 = hostname or NULL, ?3..?6 = site,
// zone, building, room or NULL. The snapshots are chosen first (device_snapshots is one row per
// device and run) and the rows found through their (run_id, device_id) index prefix: a filter on
// the listed table itself would scan every run's rows (480,000 interfaces for one device's 48
// at 1,000 devices x 10 runs).
constexpr std::string_view kSnapshotFilter =
    " ({alias}.run_id, {alias}.device_id) IN (SELECT s.run_id, s.device_id FROM device_snapshots s"
    "   JOIN devices sd ON sd.id = s.device_id"
    "   WHERE (?1 IS NULL AND s.run_id = (SELECT MAX(x.run_id) FROM device_snapshots x"
    "                                     WHERE x.device_id = s.device_id) OR s.run_id = ?1)"
    "   AND (?2 IS NULL OR sd.hostname = ?2) AND (?3 IS NULL OR sd.site = ?3) AND (?4 IS NULL OR s.zone = ?4)"
    "   AND (?5 IS NULL OR s.building = ?5) AND (?6 IS NULL OR s.room = ?6)) ";

}  // namespace

std::string snapshot_filter(std::string_view alias) {
  std::string out(kSnapshotFilter);
  for (std::size_t pos; (pos = out.find("{alias}")) != std::string::npos;) out.replace(pos, 7, alias);
  return out;
}

void bind_filter(Statement& stmt, const ListingFilter& filter) {
  stmt.reset();
  stmt.bind(1, filter.run ? SqlValue{filter.run->value} : SqlValue{nullptr});
  stmt.bind(2, filter.device).bind(3, filter.site).bind(4, filter.zone).bind(5, filter.building).bind(6, filter.room);
}

}  // namespace st::store
