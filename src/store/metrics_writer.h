// Per device per run metrics and tags (metrics/, docs/metrics.md), worked out inside the
// run's one transaction: the writer observes each host's snapshot as it passes through
// RunWriter (interface statuses, uptime, the syslog events the metrics count) and, at commit,
// compares with the device's previous run and writes `metrics` and `device_tags`.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "metrics/counted_event.h"
#include "store/database.h"
#include "store/file_batch.h"

namespace st::store {

class MetricsWriter {
 public:
  // Keeps what this host's snapshot adds to its device's metrics; a later capture of the
  // status table or `show version` replaces the earlier one, events accumulate.
  void observe(std::int64_t device_id, std::string_view site, const HostSnapshot& host);

  // Writes every observed device's metrics and tags for `run`, whose captured_at must be set.
  // `row_written` is called after each row (the store writer's fault injection and cancel).
  Result<void> write(Database& db, RunId run, const std::function<Result<void>()>& row_written);

 private:
  struct Device {
    std::string site;
    std::map<std::string, std::optional<std::string>> statuses;  // interface -> status column
    std::optional<std::string> uptime;
    metrics::CountedEvents events;
  };
  std::map<std::int64_t, Device> devices_;
};

}  // namespace st::store
