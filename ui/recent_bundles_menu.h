// File > Recent Bundles: the last bundles ingested, most recent first, from AppSettings.
// Entries whose file or folder is gone are shown disabled; "Clear Recent" empties the list.
#pragma once

#include <QObject>
#include <QString>

#include "ui/app_settings.h"

class QMenu;

namespace st::ui {

class RecentBundlesMenu : public QObject {
  Q_OBJECT

 public:
  RecentBundlesMenu(AppSettings settings, QMenu* menu);

  // Records a bundle that was ingested and rebuilds the menu.
  void add(const QString& bundle);
  void clear();
  // Rebuilds the entries from the settings (also done each time the menu opens).
  void rebuild();
  QMenu* menu() const { return menu_; }

 signals:
  void bundleChosen(const QString& bundle);

 private:
  AppSettings settings_;
  QMenu* menu_;
};

}  // namespace st::ui
