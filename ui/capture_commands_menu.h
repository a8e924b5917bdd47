// Edit > Copy Capture Commands: each vendor's recommended show commands (rules/commands/),
// pager command first, copied to the clipboard to paste into the next collection session.
#pragma once

#include <QObject>
#include <QString>

class QMenu;

namespace st::ui {

class CaptureCommandsMenu : public QObject {
  Q_OBJECT

 public:
  explicit CaptureCommandsMenu(QMenu* menu);
  QMenu* menu() const { return menu_; }

 signals:
  // After a copy: "Copied 16 commands for Cisco IOS / IOS-XE", for the status bar.
  void copied(const QString& message);

 private:
  QMenu* menu_;
};

}  // namespace st::ui
