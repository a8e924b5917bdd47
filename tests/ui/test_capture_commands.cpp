#include <catch2/catch.hpp>

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>
#include <QSignalSpy>

#include "ui/capture_commands_menu.h"

TEST_CASE("capture commands menu: one entry per vendor, copying puts its command list on the clipboard",
          "[ui][coverage]") {
  QMenu menu;
  st::ui::CaptureCommandsMenu commands(&menu);
  QSignalSpy copied(&commands, &st::ui::CaptureCommandsMenu::copied);
  REQUIRE(menu.actions().size() == 3);

  QAction* fastiron = menu.findChild<QAction*>(QStringLiteral("copyCommands_ruckus_fastiron"));
  QAction* cisco = menu.findChild<QAction*>(QStringLiteral("copyCommands_cisco_ios"));
  REQUIRE(fastiron);
  REQUIRE(cisco);
  CHECK(cisco->text().contains(QStringLiteral("Cisco IOS")));
  CHECK(cisco->text().contains(QStringLiteral("17 commands")));

  cisco->trigger();
  const QStringList lines = QGuiApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
  REQUIRE(lines.size() == 18);  // the pager command, then 17 show commands in the list's order
  CHECK(lines.at(0) == QStringLiteral("terminal length 0"));
  CHECK(lines.at(1) == QStringLiteral("show version"));
  CHECK(lines.contains(QStringLiteral("show cdp neighbors detail")));
  REQUIRE(copied.count() == 1);
  CHECK(copied.at(0).at(0).toString().contains(QStringLiteral("17 capture commands")));

  // FastIron's own syntax, not the canonical spelling.
  fastiron->trigger();
  const QString fi = QGuiApplication::clipboard()->text();
  CHECK(fi.startsWith(QStringLiteral("skip-page-display\n")));
  CHECK(fi.contains(QStringLiteral("\nshow inline power\n")));
  CHECK(fi.contains(QStringLiteral("\nshow mac-address\n")));
  CHECK_FALSE(fi.contains(QStringLiteral("show power inline")));
}
