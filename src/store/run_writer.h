// Writes one parsed bundle as one run, in one transaction: all of it or none of it.
#pragma once

#include <atomic>

#include "core/error.h"
#include "core/ids.h"
#include "store/database.h"
#include "store/run_snapshot.h"

namespace st::store {

// Commits only when every row is written; on any error (or cancel) the store is unchanged.
Result<RunId> write_run(Database& db, const RunSnapshot& run, const std::atomic<bool>* cancel = nullptr);

}  // namespace st::store
