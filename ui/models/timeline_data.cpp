#include "ui/models/timeline_data.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace st::ui {

std::string_view card_series_of(insights::Severity severity) {
  switch (severity) {
    case insights::Severity::Critical: return kCriticalCards;
    case insights::Severity::Major: return kMajorCards;
    case insights::Severity::Warning: return kWarningCards;
    case insights::Severity::Info: break;
  }
  return kInfoCards;
}

const TimelineSeries* TimelineData::find(std::string_view name) const {
  const auto it = std::find_if(series.begin(), series.end(), [&](const TimelineSeries& s) { return s.name == name; });
  return it == series.end() ? nullptr : &*it;
}

std::vector<std::string> TimelineData::metricNames() const {
  std::vector<std::string> names;
  for (const auto& s : series) {
    if (std::find(kCardSeries.begin(), kCardSeries.end(), s.name) == kCardSeries.end()) names.push_back(s.name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

TimelineData build_timeline(const std::vector<store::MetricRow>& metrics,
                            const std::vector<insights::InsightCountRow>& cards) {
  // Every run the rows name, with its capture time (the same on every row of a run).
  std::map<std::int64_t, std::optional<std::string>> captured;
  for (const auto& m : metrics) captured.emplace(m.run.value, m.captured_at);
  for (const auto& c : cards) captured.emplace(c.run.value, c.captured_at);

  TimelineData data;
  std::vector<std::tuple<std::string, std::int64_t>> dated;
  for (const auto& [run, at] : captured) {
    if (at) {
      dated.emplace_back(*at, run);
    } else {
      ++data.undated_runs;
    }
  }
  std::sort(dated.begin(), dated.end());  // by capture time, then run id
  std::map<std::int64_t, std::size_t> index_of;
  for (const auto& [at, run] : dated) {
    index_of[run] = data.runs.size();
    data.runs.push_back(TimelineRun{RunId{run}, at});
  }

  const std::size_t n = data.runs.size();
  for (const auto key : kCardSeries) data.series.push_back(TimelineSeries{std::string(key), std::vector<std::optional<double>>(n, 0.0)});
  for (const auto& c : cards) {
    const auto at = index_of.find(c.run.value);
    if (at == index_of.end()) continue;
    const std::string_view key = card_series_of(c.severity);
    auto& slot = std::find_if(data.series.begin(), data.series.end(), [&](const auto& s) { return s.name == key; })->values[at->second];
    *slot += static_cast<double>(c.cards);
  }

  std::map<std::string, std::vector<std::optional<double>>> sums;  // sorted by metric name
  for (const auto& m : metrics) {
    const auto at = index_of.find(m.run.value);
    if (at == index_of.end()) continue;
    auto& values = sums.try_emplace(m.metric, n).first->second;
    values[at->second] = values[at->second].value_or(0.0) + m.value;
  }
  for (auto& [name, values] : sums) data.series.push_back(TimelineSeries{name, std::move(values)});
  return data;
}

}  // namespace st::ui
