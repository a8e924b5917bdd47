#include "ui/rule_preview.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace st::ui {

RulePreview::RulePreview(QObject* parent) : QObject(parent) {
  debounce_.setSingleShot(true);
  debounce_.setInterval(kDebounceMs);
  connect(&debounce_, &QTimer::timeout, this, &RulePreview::startPending);
}

RulePreview::~RulePreview() {
  for (auto* watcher : findChildren<QFutureWatcherBase*>()) watcher->waitForFinished();
}

void RulePreview::request(rules::RuleTestInput input) {
  pending_ = std::move(input);
  pending_generation_ = ++generation_;
  debounce_.start();
}

void RulePreview::requestNow(rules::RuleTestInput input) {
  pending_ = std::move(input);
  pending_generation_ = ++generation_;
  debounce_.stop();
  startPending();
}

void RulePreview::startPending() {
  if (running_ || !pending_) return;  // the run in flight starts it when it ends
  running_ = true;
  const std::uint64_t generation = pending_generation_;
  auto* watcher = new QFutureWatcher<PreviewReport>(this);
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
  watcher->setFuture(QtConcurrent::run([input = std::move(*pending_)]() -> PreviewReport {
    return std::make_shared<const rules::RuleTestReport>(rules::test_rule_text(input));
  }));
  pending_.reset();
  emit started(generation);
}

}  // namespace st::ui
