// Diffs kept in the store: at ingest each device of the new run is diffed against its own
// previous run (the latest earlier run that captured it) and the changes and their counts are
// stored, so "what changed since the last capture" is a read, and the counts outlive pruning.
#pragma once

#include "core/error.h"
#include "core/ids.h"
#include "diff/run_diff.h"
#include "store/database.h"

namespace st::diff {

// Inside the run's transaction, after its snapshots are written.
Result<void> store_run_diffs(store::Database& db, RunId run);

// The diff between two runs, read from the stored diffs where they answer (devices of `to`
// whose previous run is `from`) and worked out on demand for the rest: always the same result
// as diff_runs. Volatile fields and `trust_hashes = false` are always on demand.
Result<std::vector<ObjectChange>> diff_between(store::Database& db, RunId from, RunId to, const DiffOptions& options);

// Each device of `to` against its own previous run (devices new in `to` are `added`), from the
// stored diffs: what changed since each device's last capture.
Result<std::vector<ObjectChange>> diff_since_previous(store::Database& db, RunId to, const DiffOptions& options);

}  // namespace st::diff
