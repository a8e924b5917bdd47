#include "ingest/capture_time.h"

#include <algorithm>
#include <chrono>

namespace st::ingest {

std::string now_utc_iso() {
  auto now = std::chrono::system_clock::now();
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  return parse::format_utc_iso(seconds);
}

void resolve_capture_times(store::RunSnapshot& run, const std::vector<std::optional<std::int64_t>>& file_mtimes) {
  // The latest of each kind, kept with its printed-precision ISO text.
  struct Latest {
    std::optional<parse::UnixSeconds> seconds;
    std::string iso;
    void offer(const parse::ResolvedTime& t) {
      if (t.unix_seconds && t.utc_iso && (!seconds || *t.unix_seconds > *seconds)) {
        seconds = t.unix_seconds;
        iso = *t.utc_iso;
      }
    }
  };
  Latest latest_clock, latest_event;
  std::optional<parse::UnixSeconds> latest_mtime;
  for (const auto& m : file_mtimes) {
    if (m) latest_mtime = std::max(latest_mtime.value_or(*m), *m);
  }
  for (auto& device : run.devices) {
    std::optional<parse::UnixSeconds> clock;
    if (device.clock) {
      auto resolved = parse::resolve(device.clock->record.time, std::nullopt);
      clock = resolved.unix_seconds;
      latest_clock.offer(resolved);
    }
    for (auto& e : device.events) {
      std::optional<parse::UnixSeconds> reference = clock;
      if (!reference && e.file_index < file_mtimes.size()) reference = file_mtimes[e.file_index];
      e.time = parse::resolve(e.event.time, reference);
      latest_event.offer(e.time);
    }
  }
  if (latest_clock.seconds) {
    run.captured_at = latest_clock.iso;
    run.captured_at_source = "show_clock";
  } else if (latest_event.seconds) {
    run.captured_at = latest_event.iso;
    run.captured_at_source = "syslog";
  } else if (latest_mtime) {
    run.captured_at = parse::format_utc_iso(*latest_mtime);
    run.captured_at_source = "file_mtime";
  } else {
    run.captured_at_source = "unknown";
  }
}

}  // namespace st::ingest
