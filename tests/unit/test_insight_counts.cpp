// insights::count_insights, the timeline's "alerts by severity": on a generated fleet captured
// three times, its grouped counts are the cards list_insights lists run by run, and the device
// and site filters select those devices' cards.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <map>
#include <set>
#include <tuple>

#include "generate/generator.h"
#include "insights/insight_counts.h"
#include "insights/insight_listing.h"
#include "store/listings.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;

namespace {

// (run, device, severity) -> cards.
using CardCounts = std::map<std::tuple<std::int64_t, std::string, insights::Severity>, std::size_t>;

CardCounts counts_of(const std::vector<insights::InsightCountRow>& rows) {
  CardCounts out;
  for (const auto& r : rows) {
    INFO("run " << r.run.value << " device " << r.device);
    CHECK(r.cards > 0);
    CHECK(out.emplace(std::tuple(r.run.value, r.device, r.severity), r.cards).second);  // one row per group
  }
  return out;
}

}  // namespace

TEST_CASE("insight counts: per run, device and severity, as the cards listed run by run", "[insights][timeline]") {
  test::TempDir dir;
  generate::GenerateOptions options;
  options.out_dir = dir / "fleet";
  options.devices = 10;
  options.runs = 3;
  options.seed = 11;
  options.profile = generate::Profile::Lean;
  REQUIRE(generate::generate(options));
  for (int run = 1; run <= 3; ++run) {
    auto r = test::run_cli(dir, fmt::format("ingest '{}' --threads 2", (dir / "fleet" / fmt::format("run-{}", run)).string()));
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  auto db = store::open_store(dir / "store.sqlite", store::OpenMode::ReadOnly);
  REQUIRE(db);
  auto runs = store::list_runs(*db);
  REQUIRE(runs);
  REQUIRE(runs->size() == 3);

  // The cards of every run, counted by hand, with their sites.
  CardCounts expected;
  std::map<std::string, std::string> site_of;
  std::set<insights::Severity> severities;
  for (const auto& run : *runs) {
    insights::InsightQuery query;
    query.run = run.id;
    query.evidence_text = false;
    auto cards = insights::list_insights(*db, query);
    REQUIRE(cards);
    for (const auto& card : *cards) {
      ++expected[{run.id.value, card.device, card.severity}];
      site_of[card.device] = card.site;
      severities.insert(card.severity);
    }
  }
  REQUIRE(expected.size() >= 6);
  REQUIRE(severities.size() >= 2);  // the fleet's incidents are not all of one severity

  auto all = insights::count_insights(*db, {});
  REQUIRE(all);
  CHECK(counts_of(*all) == expected);
  // Oldest capture first, with each run's capture time.
  std::map<std::int64_t, std::optional<std::string>> captured;
  for (const auto& run : *runs) captured[run.id.value] = run.captured_at;
  for (std::size_t i = 0; i < all->size(); ++i) {
    CHECK((*all)[i].captured_at == captured[(*all)[i].run.value]);
    if (i > 0) CHECK((*all)[i - 1].captured_at <= (*all)[i].captured_at);
  }

  // One device: only its cards.
  const std::string device = std::get<1>(expected.begin()->first);
  REQUIRE(!device.empty());
  insights::InsightCountQuery by_device;
  by_device.device = device;
  auto mine = insights::count_insights(*db, by_device);
  REQUIRE(mine);
  CardCounts expected_device;
  for (const auto& [key, n] : expected)
    if (std::get<1>(key) == device) expected_device[key] = n;
  CHECK(counts_of(*mine) == expected_device);

  // One site: its devices' cards.
  const std::string site = site_of.at(device);
  insights::InsightCountQuery by_site;
  by_site.site = site;
  auto theirs = insights::count_insights(*db, by_site);
  REQUIRE(theirs);
  CardCounts expected_site;
  for (const auto& [key, n] : expected)
    if (site_of.at(std::get<1>(key)) == site) expected_site[key] = n;
  CHECK(counts_of(*theirs) == expected_site);
  for (const auto& r : *theirs) CHECK(r.site == site);

  insights::InsightCountQuery nowhere;
  nowhere.site = "no-such-site";
  auto none = insights::count_insights(*db, nowhere);
  REQUIRE(none);
  CHECK(none->empty());
}
