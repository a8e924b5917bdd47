// Help → Keyboard Shortcuts: every shortcut of the menu bar's actions, read from the actions
// themselves so the list can never drift from what the keys do.
#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QMenuBar;
class QTableWidget;

namespace st::ui {

struct ShortcutEntry {
  QString menu;    // "File", "Edit → Copy Capture Commands"
  QString action;  // "Open Bundle Folder…"
  QString keys;    // "Ctrl+O" (native text)
};

// Depth-first over the menus, in menu order; actions without a shortcut are left out.
QList<ShortcutEntry> shortcuts_of(const QMenuBar& bar);

class ShortcutsDialog : public QDialog {
  Q_OBJECT

 public:
  ShortcutsDialog(const QMenuBar& bar, QWidget* parent = nullptr);
  QTableWidget* table() const { return table_; }

 private:
  QTableWidget* table_;
};

}  // namespace st::ui
