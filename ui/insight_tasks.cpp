#include "ui/insight_tasks.h"

#include <algorithm>
#include <map>
#include <utility>

#include "insights/detection_store.h"
#include "insights/runbook_library.h"
#include "store/store.h"

namespace st::ui {
namespace {

// Who to call for a finding; a NotFound (no runbook, no table row) is no cue, not an error.
Result<std::optional<insights::EscalationCue>> cue_for(store::Database& db, const std::string& site,
                                                       insights::Severity severity, const std::string& signature) {
  ST_TRY(const auto* library, insights::RunbookLibrary::shipped());
  auto cue = insights::escalation_for(db, *library, site, std::string(insights::to_string(severity)), signature);
  if (cue) return std::optional(std::move(*cue));
  if (cue.error().kind == ErrorKind::NotFound) return std::optional<insights::EscalationCue>{};
  return std::unexpected(cue.error());
}

Result<InsightsOutcome> read_insights(const std::filesystem::path& store_path, std::optional<RunId> run) {
  ST_TRY(auto db, store::open_store(store_path, store::OpenMode::ReadOnly));
  ST_TRY(auto runs, store::list_runs(db));
  insights::InsightQuery query;
  query.run = run;
  ST_TRY(auto rows, insights::list_insights(db, query));
  ST_TRY(auto clusters, insights::list_clusters(db, run));
  store::ListingFilter filter;
  filter.run = run;
  ST_TRY(auto devices, store::list_devices(db, filter));
  std::map<std::string, std::string> platform_of;
  for (const auto& d : devices) platform_of[d.hostname] = d.platform.value_or("");

  // Ranked worst first; the core's order (by time within a severity) is kept.
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return insights::rank(a.severity) > insights::rank(b.severity);
  });
  std::vector<InsightCard> cards;
  cards.reserve(rows.size());
  std::map<std::int64_t, std::string> site_of_card;
  for (auto& row : rows) {
    ST_TRY(auto cue, cue_for(db, row.site, row.severity, row.signature));
    const auto platform = platform_of.find(row.device);
    site_of_card[row.id] = row.site;
    cards.push_back(InsightCard{std::move(row), std::move(cue), platform == platform_of.end() ? "" : platform->second});
  }
  std::vector<InsightCluster> grouped;
  for (auto& c : clusters) {
    const auto site = c.insights.empty() ? site_of_card.end() : site_of_card.find(c.insights.front());
    InsightCluster cluster{std::move(c), site == site_of_card.end() ? std::string("default") : site->second, {}};
    ST_TRY(cluster.escalation, cue_for(db, cluster.site, cluster.row.severity, cluster.row.signature));
    grouped.push_back(std::move(cluster));
  }
  InsightsOutcome outcome;
  outcome.runs = std::make_shared<const std::vector<store::RunRow>>(std::move(runs));
  outcome.run = run;
  outcome.cards = std::make_shared<const std::vector<InsightCard>>(std::move(cards));
  outcome.clusters = std::make_shared<const std::vector<InsightCluster>>(std::move(grouped));
  return outcome;
}

}  // namespace

InsightsOutcome load_insights(const std::filesystem::path& store_path, std::optional<RunId> run) {
  auto outcome = read_insights(store_path, run);
  if (outcome) return std::move(*outcome);
  InsightsOutcome failed;
  failed.run = run;
  failed.error = std::move(outcome).error();
  return failed;
}

ChecklistOutcome load_checklist(const std::filesystem::path& store_path, std::string incident, std::string device) {
  ChecklistOutcome outcome{std::move(incident), std::move(device), {}, {}};
  auto db = store::open_store(store_path, store::OpenMode::ReadOnly);
  auto marks = db ? store::checklist_marks(*db, outcome.incident, outcome.device)
                  : Result<std::vector<store::ChecklistMark>>(std::unexpected(db.error()));
  if (marks) {
    outcome.marks = std::move(*marks);
  } else {
    outcome.error = std::move(marks).error();
  }
  return outcome;
}

ChecklistOutcome save_checklist(const std::filesystem::path& store_path, std::string incident, std::string device,
                                store::ChecklistMark mark) {
  {
    auto db = store::open_store(store_path, store::OpenMode::ReadWrite);
    auto saved = db ? store::save_checklist_mark(*db, incident, device, mark) : Result<void>(std::unexpected(db.error()));
    if (!saved) return ChecklistOutcome{std::move(incident), std::move(device), {}, std::move(saved).error()};
  }  // closed before reading back on a connection of its own
  return load_checklist(store_path, std::move(incident), std::move(device));
}

FeedbackOutcome save_false_positive(const std::filesystem::path& store_path, std::int64_t insight,
                                    bool false_positive) {
  FeedbackOutcome outcome{insight, false_positive, {}};
  auto db = store::open_store(store_path, store::OpenMode::ReadWrite);
  if (!db) {
    outcome.error = std::move(db).error();
    return outcome;
  }
  auto saved = false_positive ? insights::mark_false_positive(*db, insight, "")
                              : insights::clear_feedback(*db, insight);
  if (!saved) outcome.error = std::move(saved).error();
  return outcome;
}

}  // namespace st::ui
