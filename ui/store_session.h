// Owns the store path and runs every store call off the GUI thread
// (QtConcurrent::run + QFutureWatcher). Results arrive as signals on the GUI thread;
// answers to a request that has since been superseded are dropped (generation counters).
#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

#include "ui/insight_tasks.h"
#include "ui/store_tasks.h"

namespace st::ui {

class StoreSession : public QObject {
  Q_OBJECT

 public:
  explicit StoreSession(std::filesystem::path store_path, QObject* parent = nullptr);
  // Cancels a running ingest and waits for background work, so no task outlives the session.
  ~StoreSession() override;

  const std::filesystem::path& storePath() const { return store_path_; }
  QString storePathText() const;
  QString storeFileName() const;

  // Opens read-write (creating and migrating) -> opened(runs) or failed().
  void open();
  // Runs + devices -> overviewReady(). Only the latest request is answered.
  void refresh();
  // One device's interfaces -> interfacesReady() (after failed() when it fails).
  // Only the latest request is answered.
  void loadInterfaces(const QString& hostname);
  // One object's history (kind "interface", key "Gi1/0/5") -> historyReady() (after failed()).
  void loadHistory(const QString& hostname, const QString& kind, const QString& key);

  // Every run's ingest totals and the report of `run` (default: the latest) ->
  // healthReady(). Only the latest request is answered.
  void loadHealth(std::optional<RunId> run = std::nullopt);
  // The diff of two runs (defaults: the latest against the one before) -> diffReady().
  // Only the latest request is answered. `device` and `last` >= 2: that device's last `last`
  // captures, each against the one before, instead.
  void loadDiff(std::optional<RunId> from, std::optional<RunId> to, bool include_volatile,
                std::optional<std::string> device = std::nullopt, std::size_t last = 0);

  // The insight cards and clusters of `run` (nullopt: each device's latest) -> insightsReady().
  // Only the latest request is answered.
  void loadInsights(std::optional<RunId> run);
  // Marks card `insight` a false positive or clears it -> feedbackSaved() (after failed()).
  void saveFalsePositive(std::int64_t insight, bool false_positive);
  // The checklist marks of (incident, device) -> checklistReady(). Only the latest request
  // (load or save) is answered.
  void loadChecklist(const std::string& incident, const std::string& device);
  // Saves one mark at once, then reads the marks back -> checklistReady().
  void saveChecklistMark(const std::string& incident, const std::string& device, store::ChecklistMark mark);

  // Starts ingesting `bundle`; false when an ingest is already running. `cancel` lets
  // a caller hold (and pre-set) the flag; by default the session makes one.
  bool startIngest(const QString& bundle, std::shared_ptr<std::atomic<bool>> cancel = {});
  // What every later ingest runs with (the template folder setting).
  void setIngestSetup(IngestSetup setup) { ingest_setup_ = std::move(setup); }
  const IngestSetup& ingestSetup() const { return ingest_setup_; }
  void cancelIngest();
  bool isIngesting() const { return ingest_cancel_ != nullptr; }

 signals:
  void opened(qsizetype runs);
  void overviewReady(const st::ui::StoreOverview& overview);
  void interfacesReady(const st::ui::InterfacesOutcome& outcome);
  void historyReady(const st::ui::HistoryOutcome& outcome);
  void healthReady(const st::ui::HealthOutcome& outcome);
  void diffReady(const st::ui::DiffOutcome& outcome);
  void insightsReady(const st::ui::InsightsOutcome& outcome);
  void feedbackSaved(const st::ui::FeedbackOutcome& outcome);
  void checklistReady(const st::ui::ChecklistOutcome& outcome);
  void ingestProgress(double fraction, const QString& message);
  void ingestFinished(const st::ui::IngestOutcome& outcome);
  // `what` says which operation failed, for the status bar.
  void failed(const QString& what, const st::Error& error);

 private:
  // Bulk reads (overview, diff, insights, health) share Qt's global pool; the small reads a
  // click asks for (a device's interfaces, a checklist) have a thread of their own, so they
  // never wait behind a 10,000-change diff.
  enum class Lane { Bulk, Interactive };
  template <class T>
  void runInBackground(std::function<T()> work, std::function<void(T)> done, Lane lane = Lane::Bulk);

  std::filesystem::path store_path_;
  QThreadPool* interactive_pool_;
  std::uint64_t overview_generation_ = 0;
  std::uint64_t interfaces_generation_ = 0;
  std::uint64_t history_generation_ = 0;
  std::uint64_t health_generation_ = 0;
  std::uint64_t diff_generation_ = 0;
  std::uint64_t insights_generation_ = 0;
  std::uint64_t checklist_generation_ = 0;
  IngestSetup ingest_setup_;
  std::shared_ptr<std::atomic<bool>> ingest_cancel_;  // non-null while an ingest runs
};

}  // namespace st::ui
