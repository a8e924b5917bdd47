// Retention: each device keeps its last N captured runs in full. Older snapshots lose their
// object rows (interfaces, VLANs, MACs, sessions, ..., generic records, digests); the device's
// facts row stays, marked pruned, and so do its diff summaries and changes, sections, events and
// raw bytes, so counts and timelines over older runs still read.
#pragma once

#include <cstddef>

#include "core/error.h"
#include "core/ids.h"
#include "store/database.h"

namespace st::store {

inline constexpr int kDefaultKeepRuns = 30;

struct PruneTotals {
  std::size_t snapshots = 0;  // (device, run) pairs pruned
  std::size_t rows = 0;       // object rows deleted
};

// Prunes, for each device captured in `run`, its snapshots beyond the newest `keep` (0: keep all).
Result<PruneTotals> prune_snapshots(Database& db, RunId run, int keep);

}  // namespace st::store
