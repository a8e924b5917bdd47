// What the timeline charts, as plain values: the runs of a scope (a device, or every device of a
// site) in capture order and, per series, one value per run (the sum over the scope's devices).
// Built by a pure function from the core's rows, so it is tested without a chart.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "insights/insight_counts.h"
#include "insights/severity.h"
#include "store/metric_listing.h"

namespace st::ui {

// Series keys of the insight-card counts, beside the metric names (metrics/metric_names.h).
inline constexpr std::string_view kCriticalCards = "CriticalCards";
inline constexpr std::string_view kMajorCards = "MajorCards";
inline constexpr std::string_view kWarningCards = "WarningCards";
inline constexpr std::string_view kInfoCards = "InfoCards";
// Worst first, the order the chart and table show them in.
inline constexpr std::array kCardSeries{kCriticalCards, kMajorCards, kWarningCards, kInfoCards};

std::string_view card_series_of(insights::Severity severity);

struct TimelineRun {
  RunId run;
  std::string captured_at;  // UTC ISO-8601
};

struct TimelineSeries {
  std::string name;                          // a metric name or a card series key
  std::vector<std::optional<double>> values;  // one per TimelineData::runs; nullopt: not stored for that run
};

struct TimelineData {
  std::vector<TimelineRun> runs;  // oldest capture first
  std::vector<TimelineSeries> series;  // the card series (kCardSeries order), then the metrics by name
  std::size_t undated_runs = 0;   // runs without a capture time: they cannot be placed on the time axis

  const TimelineSeries* find(std::string_view name) const;
  // The stored metric names among `series` (card series left out), sorted.
  std::vector<std::string> metricNames() const;
};

// Sums `metrics` (rows of any metrics, already narrowed to the scope's devices) and `cards` per
// run and series. A run is charted when any row names it and it has a capture time. A metric
// with no row in a charted run has no value there; a card series counts 0 (no card is no alert).
TimelineData build_timeline(const std::vector<store::MetricRow>& metrics,
                            const std::vector<insights::InsightCountRow>& cards);

}  // namespace st::ui
