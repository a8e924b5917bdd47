#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QTableWidget>
#include <QTemporaryDir>

#include "ui/app_settings.h"
#include "ui/main_window.h"
#include "ui/views/shortcuts_dialog.h"
#include "ui_test_support.h"

using st::ui::MainWindow;
namespace t = st::ui::test;

namespace {

bool lists(const QList<st::ui::ShortcutEntry>& entries, const QString& action, const QKeySequence& keys) {
  for (const auto& e : entries) {
    if (e.action == action && e.keys == keys.toString(QKeySequence::NativeText)) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("Help > Keyboard Shortcuts lists every menu shortcut, read from the actions", "[ui][window]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  MainWindow window(dir.filePath(QStringLiteral("store.sqlite")).toStdString(),
                    st::ui::AppSettings::atPath(dir.filePath(QStringLiteral("settings.ini"))));
  window.show();
  const auto entries = st::ui::shortcuts_of(*window.menuBar());
  CHECK(lists(entries, QStringLiteral("Open Bundle Folder…"), QKeySequence::Open));
  CHECK(lists(entries, QStringLiteral("Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q)));
  CHECK(lists(entries, QStringLiteral("Preferences…"), QKeySequence(Qt::CTRL | Qt::Key_Comma)));
  CHECK(lists(entries, QStringLiteral("Save Rule Version"), QKeySequence::Save));
  // Every shortcut of every menu action is there, and nothing else.
  int with_keys = 0;
  std::function<void(QMenu*)> count = [&](QMenu* menu) {
    for (QAction* a : menu->actions()) {
      if (a->menu()) count(a->menu());
      else if (!a->isSeparator()) with_keys += static_cast<int>(a->shortcuts().size());
    }
  };
  for (QAction* top : window.menuBar()->actions()) count(top->menu());
  CHECK(entries.size() == with_keys);
  CHECK(with_keys >= 10);

  QAction* open_dialog = window.findChild<QAction*>(QStringLiteral("shortcutsAction"));
  REQUIRE(open_dialog);
  open_dialog->trigger();
  auto* dialog = window.findChild<st::ui::ShortcutsDialog*>();
  REQUIRE(dialog);
  REQUIRE(t::wait_until([&] { return dialog->isVisible(); }));
  CHECK(dialog->table()->rowCount() == with_keys);
  CHECK(dialog->table()->item(0, 0)->text() == entries.front().keys);
  REQUIRE(dialog->grab().save(t::screenshot_dir() + QStringLiteral("/keyboard-shortcuts.png")));
  dialog->close();
}
