#include "ui/load_when_shown.h"

#include <QEvent>
#include <QWidget>

#include <utility>

namespace st::ui {

LoadWhenShown::LoadWhenShown(QWidget& view, std::function<void()> load)
    : QObject(&view), view_(view), load_(std::move(load)) {
  view_.installEventFilter(this);
}

void LoadWhenShown::request() {
  if (!view_.isVisible()) {
    stale_ = true;
    return;
  }
  stale_ = false;
  load_();
}

// At once, not queued: the view says it is busy as soon as it is on screen (the screenshot
// tour and the tests wait on that).
bool LoadWhenShown::eventFilter(QObject* watched, QEvent* event) {
  if (watched == &view_ && event->type() == QEvent::Show && stale_) {
    stale_ = false;
    load_();
  }
  return QObject::eventFilter(watched, event);
}

}  // namespace st::ui
