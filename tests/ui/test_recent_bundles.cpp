#include <catch2/catch.hpp>

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "ui/app_settings.h"
#include "ui/ingest_controller.h"
#include "ui/main_window.h"
#include "ui/models/device_table_model.h"
#include "ui/recent_bundles_menu.h"
#include "ui/views/devices_view.h"
#include "ui_test_support.h"

using st::ui::AppSettings;
using st::ui::MainWindow;
namespace t = st::ui::test;

namespace {

QStringList entry_paths(const QMenu& menu) {
  QStringList paths;
  for (QAction* action : menu.actions())
    if (action->data().isValid()) paths << action->data().toString();
  return paths;
}

QAction* action_named(const QMenu& menu, const QString& text) {
  for (QAction* action : menu.actions())
    if (action->text() == text) return action;
  return nullptr;
}

}  // namespace

TEST_CASE("recent bundles: most recent first, no duplicates, at most eight", "[ui][settings]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  AppSettings settings = AppSettings::atPath(dir.filePath(QStringLiteral("settings.ini")));
  CHECK(settings.recentBundles().isEmpty());

  for (int i = 1; i <= 10; ++i) settings.addRecentBundle(QStringLiteral("/bundles/b%1").arg(i));
  QStringList expected;
  for (int i = 10; i >= 3; --i) expected << QStringLiteral("/bundles/b%1").arg(i);
  CHECK(settings.recentBundles() == expected);

  settings.addRecentBundle(QStringLiteral("/bundles/b5"));  // moves to the front, not added twice
  CHECK(settings.recentBundles().first() == QStringLiteral("/bundles/b5"));
  CHECK(settings.recentBundles().size() == AppSettings::kMaxRecentBundles);
  CHECK(settings.recentBundles().count(QStringLiteral("/bundles/b5")) == 1);

  // Another AppSettings on the same file (a later start) sees the same list.
  CHECK(AppSettings::atPath(settings.fileName()).recentBundles() == settings.recentBundles());
  settings.clearRecentBundles();
  CHECK(settings.recentBundles().isEmpty());

  CHECK(st::ui::push_recent({QStringLiteral("a"), QStringLiteral("b")}, QStringLiteral("b"), 8) ==
        QStringList{QStringLiteral("b"), QStringLiteral("a")});
}

TEST_CASE("recent bundles menu: entries, missing bundles disabled, Clear Recent", "[ui][settings]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  AppSettings settings = AppSettings::atPath(dir.filePath(QStringLiteral("settings.ini")));
  const QString gone = dir.filePath(QStringLiteral("gone.zip"));
  const QString here = QString::fromStdString(t::fixture_bundle().string());
  settings.addRecentBundle(gone);
  settings.addRecentBundle(here);

  QMenu menu;
  st::ui::RecentBundlesMenu recent(settings, &menu);
  QSignalSpy chosen(&recent, &st::ui::RecentBundlesMenu::bundleChosen);
  CHECK(entry_paths(menu) == QStringList{QDir::cleanPath(here), gone});
  QAction* first = menu.actions().at(0);
  QAction* second = menu.actions().at(1);
  CHECK(first->text() == QStringLiteral("&1  mini-bundle"));
  CHECK(first->isEnabled());
  CHECK_FALSE(second->isEnabled());
  CHECK(second->text().contains(QStringLiteral("missing")));

  first->trigger();
  REQUIRE(chosen.count() == 1);
  CHECK(chosen.at(0).at(0).toString() == QDir::cleanPath(here));

  QAction* clear = action_named(menu, QStringLiteral("&Clear Recent"));
  REQUIRE(clear != nullptr);
  CHECK(clear->isEnabled());
  clear->trigger();
  REQUIRE(t::wait_until([&] { return entry_paths(menu).isEmpty(); }));
  CHECK(settings.recentBundles().isEmpty());
  REQUIRE(action_named(menu, QStringLiteral("&Clear Recent")) != nullptr);
  CHECK_FALSE(action_named(menu, QStringLiteral("&Clear Recent"))->isEnabled());
  CHECK(action_named(menu, QStringLiteral("No recent bundles")) != nullptr);
}

TEST_CASE("recent bundles, geometry and splitter sizes persist into a new window", "[ui][settings]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("store.sqlite")).toStdString();
  t::ingest_or_fail(store, t::fixture_bundle());
  const AppSettings settings = AppSettings::atPath(dir.filePath(QStringLiteral("settings.ini")));
  const QString bundle = QString::fromStdString(t::sample_run(1).string());

  QList<int> sizes;
  {
    MainWindow window(store, settings);
    window.show();
    window.start();
    REQUIRE(t::wait_until([&] { return window.devicesView()->deviceModel()->rowCount() == 2; }));
    QSignalSpy finished(window.ingestController(), &st::ui::IngestController::finished);
    window.ingestBundle(bundle);
    REQUIRE(t::wait_until([&] { return finished.count() == 1; }));
    CHECK(entry_paths(*window.recentBundles()->menu()) == QStringList{QDir::cleanPath(bundle)});

    window.resize(1000, 640);
    auto* splitter = window.devicesView()->splitter();
    const int total = splitter->sizes().at(0) + splitter->sizes().at(1);
    splitter->setSizes({total / 3, total - total / 3});
    sizes = splitter->sizes();
    window.close();  // saves geometry and splitter state
  }

  MainWindow again(store, settings);
  again.show();
  CHECK(again.size() == QSize(1000, 640));
  CHECK(again.devicesView()->splitter()->sizes() == sizes);
  CHECK(entry_paths(*again.recentBundles()->menu()) == QStringList{QDir::cleanPath(bundle)});
}

TEST_CASE("the UI tests never write the user's settings", "[ui][settings]") {
  // main() turns on QStandardPaths test mode and points QSettings at a scratch folder.
  CHECK(QStandardPaths::isTestModeEnabled());
  const QString default_file = AppSettings{}.fileName();
  INFO(default_file.toStdString());
  CHECK_FALSE(default_file.startsWith(QDir::homePath() + QStringLiteral("/.config")));
  CHECK(default_file.startsWith(qEnvironmentVariable("STATETRACE_UI_TEST_SETTINGS")));
  // And each test case starts from empty default settings.
  AppSettings{}.addRecentBundle(QStringLiteral("/left/over"));
  CHECK(AppSettings{}.recentBundles() == QStringList{QStringLiteral("/left/over")});
}

TEST_CASE("default settings are empty again in the next test case", "[ui][settings]") {
  CHECK(AppSettings{}.recentBundles().isEmpty());
  CHECK(AppSettings{}.windowGeometry().isEmpty());
}
