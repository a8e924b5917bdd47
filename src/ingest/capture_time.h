// When a capture was taken, and the timestamps of its events.
// Contract: a run's capture time comes from `show clock` when present, else the latest
// syslog line, else the file's modification time, and the run records which.
#pragma once

#include <optional>
#include <vector>

#include "store/run_snapshot.h"

namespace st::ingest {

// Resolves every event of every device against its reference (the device's clock, else the
// modification time of the file it came from), then sets the run's captured_at and source.
void resolve_capture_times(store::RunSnapshot& run, const std::vector<std::optional<std::int64_t>>& file_mtimes);

std::string now_utc_iso();

}  // namespace st::ingest
