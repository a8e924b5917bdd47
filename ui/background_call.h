// One call off the GUI thread: `work()` on the Qt pool, then `done(answer)` on `owner`'s thread
// (long work never blocks the window). The watcher is `owner`'s child, so an owner that waits
// for its QFutureWatcherBase children when destroyed (the rule editors do) never leaves a call
// answering into a view that is gone.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

namespace st::ui {

template <class Work, class Done>
void run_in_background(QObject* owner, Work work, Done done) {
  auto* watcher = new QFutureWatcher<std::invoke_result_t<Work&>>(owner);
  QObject::connect(watcher, &QFutureWatcherBase::finished, owner, [watcher, done = std::move(done)] {
    watcher->deleteLater();
    done(watcher->result());
  });
  watcher->setFuture(QtConcurrent::run(std::move(work)));
}

}  // namespace st::ui
