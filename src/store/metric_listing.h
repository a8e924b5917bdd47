// Reading the metric tables (`metrics`, `device_tags`, migration 0009): time series per
// device or per site, through the indexes on (device, metric, time) and (site, metric, time).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "store/database.h"

namespace st::store {

struct MetricQuery {
  std::optional<std::string> device;  // hostname
  std::optional<std::string> site;
  std::optional<std::string> metric;
  std::optional<std::string> since;   // UTC ISO-8601 or a prefix of one ("2026-11-21"): captured at or after
};

struct MetricRow {
  RunId run;
  std::optional<std::string> captured_at;
  std::string site;
  std::string device;
  std::string metric;
  double value = 0;
};

struct TagRow {
  RunId run;
  std::optional<std::string> captured_at;
  std::string site;
  std::string device;
  std::string tag;
};

// Rows of `query.metric` (required), oldest capture first, then by site and device.
Result<std::vector<MetricRow>> list_metrics(Database& db, const MetricQuery& query);
// The metric names stored for the devices the query selects (its metric is ignored), sorted.
Result<std::vector<std::string>> list_metric_names(Database& db, const MetricQuery& query);
// Tags of the devices the query selects (its metric is ignored), oldest capture first.
Result<std::vector<TagRow>> list_device_tags(Database& db, const MetricQuery& query);

}  // namespace st::store
