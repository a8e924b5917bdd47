#include "ui/latest_only_runner.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace st::ui {

LatestOnlyRunner::LatestOnlyRunner(int debounce_ms, QObject* parent) : QObject(parent) {
  debounce_.setSingleShot(true);
  debounce_.setInterval(debounce_ms);
  connect(&debounce_, &QTimer::timeout, this, &LatestOnlyRunner::startPending);
}

LatestOnlyRunner::~LatestOnlyRunner() {
  for (auto* watcher : findChildren<QFutureWatcherBase*>()) watcher->waitForFinished();
}

void LatestOnlyRunner::schedule(bool now, Job job) {
  pending_ = std::move(job);
  pending_generation_ = ++generation_;
  if (!now) {
    debounce_.start();
    return;
  }
  debounce_.stop();
  startPending();
}

void LatestOnlyRunner::startPending() {
  if (running_ || !pending_) return;  // the run in flight starts it when it ends
  running_ = true;
  const std::uint64_t generation = pending_generation_;
  auto* watcher = new QFutureWatcher<Delivery>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
    watcher->deleteLater();
    running_ = false;
    if (generation == generation_) {
      shown_generation_ = generation;
      watcher->result()(generation);
    } else {
      ++dropped_;
      emit dropped(generation);
    }
    if (!debounce_.isActive()) startPending();
  });
  watcher->setFuture(QtConcurrent::run(std::move(*pending_)));
  pending_.reset();
  emit started(generation);
}

}  // namespace st::ui
