// A view's reload after a store change that waits until the view is on screen: while the view
// is hidden (another tab on top, the window minimised) a change only marks it stale, with no
// store query; the view loads when it is next shown. Watches the view's Show events, so the
// view needs no showEvent of its own.
#pragma once

#include <QObject>

#include <functional>

class QWidget;

namespace st::ui {

class LoadWhenShown : public QObject {
 public:
  // `load`: the view's own reload (starts its background work), run on the GUI thread.
  LoadWhenShown(QWidget& view, std::function<void()> load);

  // The store changed: loads now when the view is visible, else marks it stale.
  void request();
  // The view loaded by another path (a scope or a run chosen): nothing stale is left.
  void markLoaded() { stale_ = false; }
  bool isStale() const { return stale_; }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QWidget& view_;
  std::function<void()> load_;
  bool stale_ = false;
};

}  // namespace st::ui
