#include "store/snapshot_filter.h"

namespace st::store {
namespace {

// ?1 = run id or NULL (latest snapshot per device), ?2 = hostname or NULL, ?3..?6 = site,
// zone, building, room or NULL (zone, building and room are the device snapshot's, read by a
// subquery so every listing can use the filter without joining the snapshot).
constexpr std::string_view kSnapshotFilter =
    " ((?1 IS NULL AND {alias}.run_id = (SELECT MAX(x.run_id) FROM device_snapshots x"
    "                                      WHERE x.device_id = {alias}.device_id))"
    "  OR {alias}.run_id = ?1)"
    " AND (?2 IS NULL OR d.hostname = ?2) AND (?3 IS NULL OR d.site = ?3)"
    " AND (?4 IS NULL AND ?5 IS NULL AND ?6 IS NULL OR EXISTS (SELECT 1 FROM device_snapshots w"
    "      WHERE w.run_id = {alias}.run_id AND w.device_id = {alias}.device_id AND (?4 IS NULL OR w.zone = ?4)"
    "      AND (?5 IS NULL OR w.building = ?5) AND (?6 IS NULL OR w.room = ?6))) ";

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
