#include "ui/store_session.h"

#include <QFutureWatcher>
#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <string>
#include <utility>

namespace st::ui {

StoreSession::StoreSession(std::filesystem::path store_path, QObject* parent)
    : QObject(parent), store_path_(std::move(store_path)), interactive_pool_(new QThreadPool(this)) {
  interactive_pool_->setMaxThreadCount(1);
}

StoreSession::~StoreSession() {
  if (ingest_cancel_) ingest_cancel_->store(true);
  // The watchers are children: wait before they (and this) go away, so that a task
  // never posts progress to a dead session or holds the store file open.
  for (auto* watcher : findChildren<QFutureWatcherBase*>()) watcher->waitForFinished();
}

QString StoreSession::storePathText() const {
  return QString::fromStdString(store_path_.string());
}

QString StoreSession::storeFileName() const {
  return QString::fromStdString(store_path_.filename().string());
}

template <class T>
void StoreSession::runInBackground(std::function<T()> work, std::function<void(T)> done, Lane lane) {
  auto* watcher = new QFutureWatcher<T>(this);
  connect(watcher, &QFutureWatcherBase::finished, this,
          [watcher, done = std::move(done)] {
            watcher->deleteLater();
            done(watcher->result());
          });
  QThreadPool* pool = lane == Lane::Interactive ? interactive_pool_ : QThreadPool::globalInstance();
  watcher->setFuture(QtConcurrent::run(pool, std::move(work)));
}

void StoreSession::open() {
  runInBackground<OpenOutcome>(
      [path = store_path_] { return open_and_migrate(path); },
      [this](OpenOutcome outcome) {
        if (outcome.error) {
          emit failed(tr("Opening the store failed"), *outcome.error);
          return;
        }
        emit opened(static_cast<qsizetype>(outcome.runs));
      });
}

void StoreSession::refresh() {
  const auto generation = ++overview_generation_;
  runInBackground<StoreOverview>(
      [path = store_path_] { return load_overview(path); },
      [this, generation](StoreOverview overview) {
        if (generation != overview_generation_) return;  // a newer refresh is on its way
        if (overview.error) {
          emit failed(tr("Reading the store failed"), *overview.error);
          return;
        }
        emit overviewReady(overview);
      });
}

void StoreSession::loadInterfaces(const QString& hostname) {
  const auto generation = ++interfaces_generation_;
  runInBackground<InterfacesOutcome>(
      [path = store_path_, host = hostname.toStdString()] { return load_interfaces(path, host); },
      [this, generation](InterfacesOutcome outcome) {
        if (generation != interfaces_generation_) return;  // the user picked another device
        if (outcome.error) emit failed(tr("Reading interfaces failed"), *outcome.error);
        emit interfacesReady(outcome);  // also on failure, so the view stops waiting
      },
      Lane::Interactive);
}

void StoreSession::loadHistory(const QString& hostname, const QString& kind, const QString& key) {
  const auto generation = ++history_generation_;
  runInBackground<HistoryOutcome>(
      [path = store_path_, host = hostname.toStdString(), kind = kind.toStdString(), key = key.toStdString()] {
        return load_history(path, host, kind, key);
      },
      [this, generation](HistoryOutcome outcome) {
        if (generation != history_generation_) return;  // another object was picked
        if (outcome.error) emit failed(tr("Reading the object's history failed"), *outcome.error);
        emit historyReady(outcome);
      },
      Lane::Interactive);
}

void StoreSession::loadHealth(std::optional<RunId> run) {
  const auto generation = ++health_generation_;
  runInBackground<HealthOutcome>(
      [path = store_path_, run] { return load_health(path, run); },
      [this, generation](HealthOutcome outcome) {
        if (generation != health_generation_) return;  // a newer request is on its way
        if (outcome.error) emit failed(tr("Reading the ingest report failed"), *outcome.error);
        emit healthReady(outcome);
      });
}

void StoreSession::loadDiff(std::optional<RunId> from, std::optional<RunId> to, bool include_volatile,
                            std::optional<std::string> device, std::size_t last) {
  const auto generation = ++diff_generation_;
  runInBackground<DiffOutcome>(
      [path = store_path_, from, to, include_volatile, device = std::move(device), last] {
        return load_diff(path, from, to, include_volatile, device, last);
      },
      [this, generation](DiffOutcome outcome) {
        if (generation != diff_generation_) return;  // a newer request is on its way
        if (outcome.error) emit failed(tr("Reading the diff failed"), *outcome.error);
        emit diffReady(outcome);
      });
}

void StoreSession::loadInsights(std::optional<RunId> run) {
  const auto generation = ++insights_generation_;
  runInBackground<InsightsOutcome>(
      [path = store_path_, run] { return load_insights(path, run); },
      [this, generation](InsightsOutcome outcome) {
        if (generation != insights_generation_) return;  // a newer request is on its way
        if (outcome.error) emit failed(tr("Reading the insight cards failed"), *outcome.error);
        emit insightsReady(outcome);
      });
}

void StoreSession::saveFalsePositive(std::int64_t insight, bool false_positive) {
  runInBackground<FeedbackOutcome>(
      [path = store_path_, insight, false_positive] { return save_false_positive(path, insight, false_positive); },
      [this](FeedbackOutcome outcome) {
        if (outcome.error) emit failed(tr("Saving the false-positive mark failed"), *outcome.error);
        emit feedbackSaved(outcome);
      },
      Lane::Interactive);
}

void StoreSession::loadChecklist(const std::string& incident, const std::string& device) {
  const auto generation = ++checklist_generation_;
  runInBackground<ChecklistOutcome>(
      [path = store_path_, incident, device] { return load_checklist(path, incident, device); },
      [this, generation](ChecklistOutcome outcome) {
        if (generation != checklist_generation_) return;  // another incident was picked
        if (outcome.error) emit failed(tr("Reading the checklist failed"), *outcome.error);
        emit checklistReady(outcome);
      },
      Lane::Interactive);
}

void StoreSession::saveChecklistMark(const std::string& incident, const std::string& device,
                                     store::ChecklistMark mark) {
  const auto generation = ++checklist_generation_;
  runInBackground<ChecklistOutcome>(
      [path = store_path_, incident, device, mark = std::move(mark)] {
        return save_checklist(path, incident, device, mark);
      },
      [this, generation](ChecklistOutcome outcome) {
        // A failed save is reported even when superseded: the tick did not stick.
        if (outcome.error) emit failed(tr("Saving the checklist mark failed"), *outcome.error);
        if (generation != checklist_generation_) return;
        emit checklistReady(outcome);
      },
      Lane::Interactive);
}

bool StoreSession::startIngest(const QString& bundle, std::shared_ptr<std::atomic<bool>> cancel) {
  if (ingest_cancel_) return false;
  ingest_cancel_ = cancel ? std::move(cancel) : std::make_shared<std::atomic<bool>>(false);

  // Called on the ingesting thread: post at most one update per percent (or message
  // change) to the GUI thread. The destructor waits for the task, so `this` outlives it.
  auto progress = [this, last_percent = -1, last_message = std::string()](
                      double fraction, std::string_view message) mutable {
    const int percent = static_cast<int>(std::lround(fraction * 100.0));
    if (percent == last_percent && message == last_message) return;
    last_percent = percent;
    last_message.assign(message);
    QMetaObject::invokeMethod(
        this,
        [this, fraction, text = QString::fromUtf8(message.data(), qsizetype(message.size()))] {
          emit ingestProgress(fraction, text);
        },
        Qt::QueuedConnection);
  };

  runInBackground<IngestOutcome>(
      [path = store_path_, bundle_path = std::filesystem::path(bundle.toStdString()),
       setup = ingest_setup_, flag = ingest_cancel_, progress = std::move(progress)]() mutable {
        return run_ingest(path, bundle_path, setup, flag.get(), std::move(progress));
      },
      [this](IngestOutcome outcome) {
        ingest_cancel_.reset();
        emit ingestFinished(outcome);
      });
  return true;
}

void StoreSession::cancelIngest() {
  if (ingest_cancel_) ingest_cancel_->store(true);
}

}  // namespace st::ui
