// One device through its last N captures, diffed capture by capture: what changed on it from
// each capture to the next (the diff explorer's "last N captures of a device",
// `statetrace-cli diff --device HOST --last N`). Runs in which the device was not captured are
// skipped, so a switch captured weekly in a daily fleet still diffs against its own last capture.
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "diff/object_change.h"
#include "diff/run_diff.h"
#include "store/database.h"

namespace st::diff {

struct DeviceCaptures {
  std::vector<RunId> runs;             // the captures diffed, oldest first (at most `last`)
  std::vector<ObjectChange> changes;   // oldest pair first; each change carries its from/to runs
};

// The ids of `hostname` (one per site it was seen in); NotFound names it when there is none.
Result<std::set<std::int64_t>> device_ids_of(store::Database& db, std::string_view hostname);

// `last` >= 2 captures of `hostname`; `options.devices` is replaced by the device's ids.
Result<DeviceCaptures> diff_device_captures(store::Database& db, std::string_view hostname, std::size_t last,
                                            DiffOptions options);

}  // namespace st::diff
