#include "ui/recent_bundles_menu.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>

namespace st::ui {

RecentBundlesMenu::RecentBundlesMenu(AppSettings settings, QMenu* menu)
    : QObject(menu), settings_(std::move(settings)), menu_(menu) {
  // Files come and go while the program runs: check them when the menu opens.
  connect(menu_, &QMenu::aboutToShow, this, &RecentBundlesMenu::rebuild);
  rebuild();
}

void RecentBundlesMenu::add(const QString& bundle) {
  settings_.addRecentBundle(bundle);
  rebuild();
}

void RecentBundlesMenu::clear() {
  settings_.clearRecentBundles();
  rebuild();
}

void RecentBundlesMenu::rebuild() {
  menu_->clear();
  const QStringList bundles = settings_.recentBundles();
  int number = 0;
  for (const QString& bundle : bundles) {
    const QFileInfo info(bundle);
    const QString name = info.fileName().isEmpty() ? bundle : info.fileName();
    // &1..&8 as keyboard accelerators; the full path goes in the tooltip/status tip.
    QAction* action = menu_->addAction(QStringLiteral("&%1  %2").arg(++number).arg(name));
    action->setData(bundle);
    const QString native = QDir::toNativeSeparators(bundle);
    if (info.exists()) {
      action->setStatusTip(native);
      action->setToolTip(native);
      connect(action, &QAction::triggered, this, [this, bundle] { emit bundleChosen(bundle); });
    } else {
      action->setEnabled(false);
      action->setStatusTip(tr("%1 (no longer exists)").arg(native));
      action->setToolTip(action->statusTip());
      action->setText(tr("%1 (missing)").arg(action->text()));
    }
  }
  if (bundles.isEmpty()) menu_->addAction(tr("No recent bundles"))->setEnabled(false);
  menu_->addSeparator();
  QAction* clear_action = menu_->addAction(tr("&Clear Recent"));
  // Queued: clear() rebuilds the menu, which deletes the action that is still emitting.
  connect(clear_action, &QAction::triggered, this, &RecentBundlesMenu::clear, Qt::QueuedConnection);
  clear_action->setEnabled(!bundles.isEmpty());
  menu_->setToolTipsVisible(true);
}

}  // namespace st::ui
