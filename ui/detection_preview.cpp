#include "ui/detection_preview.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace st::ui {

DetectionPreview::DetectionPreview(QObject* parent) : QObject(parent) {
  debounce_.setSingleShot(true);
  debounce_.setInterval(kDebounceMs);
  connect(&debounce_, &QTimer::timeout, this, &DetectionPreview::startPending);
}

DetectionPreview::~DetectionPreview() {
  for (auto* watcher : findChildren<QFutureWatcherBase*>()) watcher->waitForFinished();
}

void DetectionPreview::request(DetectionPreviewInput input) {
  pending_ = std::move(input);
  pending_generation_ = ++generation_;
  debounce_.start();
}

void DetectionPreview::requestNow(DetectionPreviewInput input) {
  pending_ = std::move(input);
  pending_generation_ = ++generation_;
  debounce_.stop();
  startPending();
}

void DetectionPreview::startPending() {
  if (running_ || !pending_) return;  // the run in flight starts it when it ends
  running_ = true;
  const std::uint64_t generation = pending_generation_;
  auto* watcher = new QFutureWatcher<DetectionPreviewResult>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
    watcher->deleteLater();
    running_ = false;
    if (generation == generation_) {
      shown_generation_ = generation;
      emit ready(watcher->result(), generation);
    } else {
      ++dropped_;
      emit dropped(generation);
    }
    if (!debounce_.isActive()) startPending();
  });
  watcher->setFuture(QtConcurrent::run([input = std::move(*pending_)]() -> DetectionPreviewResult {
    return std::make_shared<const DetectionPreviewReport>(preview_detection_rule(input));
  }));
  pending_.reset();
  emit started(generation);
}

}  // namespace st::ui
