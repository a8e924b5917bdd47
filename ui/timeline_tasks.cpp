#include "ui/timeline_tasks.h"

#include <algorithm>
#include <map>
#include <utility>

#include "store/listings.h"
#include "store/store.h"

namespace st::ui {
namespace {

Result<std::vector<TimelineSite>> sites_of(store::Database& db) {
  ST_TRY(auto devices, store::list_devices(db, store::ListingFilter{}));
  std::map<std::string, std::vector<std::string>> by_site;
  for (auto& d : devices) by_site[d.site].push_back(std::move(d.hostname));
  std::vector<TimelineSite> sites;
  for (auto& [site, hosts] : by_site) {
    std::sort(hosts.begin(), hosts.end());
    hosts.erase(std::unique(hosts.begin(), hosts.end()), hosts.end());
    sites.push_back(TimelineSite{site, std::move(hosts)});
  }
  return sites;
}

// The asked scope when its site (and device) still exist; else the first site, all devices.
TimelineScope settle(const std::vector<TimelineSite>& sites, TimelineScope scope) {
  const auto site = std::find_if(sites.begin(), sites.end(), [&](const auto& s) { return s.name == scope.site; });
  if (site == sites.end()) return sites.empty() ? TimelineScope{} : TimelineScope{sites.front().name, {}};
  if (!scope.device.empty() && std::find(site->devices.begin(), site->devices.end(), scope.device) == site->devices.end())
    scope.device.clear();
  return scope;
}

Result<TimelineOutcome> read_timeline(const std::filesystem::path& store_path, TimelineScope asked) {
  ST_TRY(auto db, store::open_store(store_path, store::OpenMode::ReadOnly));
  ST_TRY(auto sites, sites_of(db));
  TimelineOutcome outcome;
  outcome.scope = settle(sites, std::move(asked));
  std::vector<store::MetricRow> metrics;
  std::vector<insights::InsightCountRow> cards;
  if (!sites.empty()) {
    store::MetricQuery query;
    insights::InsightCountQuery count_query;
    if (outcome.scope.device.empty()) {
      query.site = count_query.site = outcome.scope.site;
    } else {
      query.device = count_query.device = outcome.scope.device;
    }
    ST_TRY(auto names, store::list_metric_names(db, query));
    for (auto& name : names) {
      query.metric = std::move(name);
      ST_TRY(auto rows, store::list_metrics(db, query));
      metrics.insert(metrics.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    }
    ST_TRY(cards, insights::count_insights(db, count_query));
  }
  outcome.sites = std::make_shared<const std::vector<TimelineSite>>(std::move(sites));
  outcome.data = std::make_shared<const TimelineData>(build_timeline(metrics, cards));
  return outcome;
}

}  // namespace

TimelineOutcome load_timeline(const std::filesystem::path& store_path, TimelineScope scope) {
  auto outcome = read_timeline(store_path, scope);
  if (outcome) return std::move(*outcome);
  TimelineOutcome failed;
  failed.scope = std::move(scope);
  failed.error = outcome.error();
  return failed;
}

}  // namespace st::ui
