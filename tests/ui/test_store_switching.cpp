#include <catch2/catch.hpp>

#include <QFileInfo>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "ui/app_settings.h"
#include "ui/ingest_controller.h"
#include "ui/main_window.h"
#include "ui/models/device_table_model.h"
#include "ui/store_session.h"
#include "ui/views/devices_view.h"
#include "ui_test_support.h"

using st::ui::AppSettings;
using st::ui::MainWindow;
namespace t = st::ui::test;

TEST_CASE("File > New Store and Open Store show another store in a new window", "[ui][window]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const QByteArray previous = qgetenv("STATETRACE_SAMPLE_BUNDLE");
  qputenv("STATETRACE_SAMPLE_BUNDLE", QByteArray::fromStdString(t::fixture_bundle().string()));
  AppSettings settings = AppSettings::atPath(dir.filePath(QStringLiteral("settings.ini")));
  const QString first_store = dir.filePath(QStringLiteral("a.sqlite"));
  const QString new_store = dir.filePath(QStringLiteral("b.sqlite"));

  // A first window on a store that gets the sample (two devices) on first start.
  QPointer<MainWindow> first = new MainWindow(first_store.toStdString(), settings);
  first->setAttribute(Qt::WA_DeleteOnClose);
  first->show();
  first->start();
  REQUIRE(t::wait_until([&] { return first->devicesView()->deviceModel()->rowCount() == 2; }));

  // New Store: a new, empty window on a new file; the empty store is not given the sample.
  MainWindow* fresh = first->openStore(new_store, true);
  REQUIRE(fresh != nullptr);
  QSignalSpy shown(fresh, &MainWindow::overviewShown);
  REQUIRE(t::wait_until([&] { return first.isNull(); }));  // the old window closed and went away
  REQUIRE(t::wait_until([&] { return shown.count() > 0; }));
  CHECK(fresh->session().storePath() == new_store.toStdString());
  CHECK(QFileInfo::exists(new_store));
  CHECK(fresh->runCount() == 0);
  CHECK_FALSE(fresh->ingestController()->isRunning());
  CHECK(fresh->devicesView()->deviceModel()->rowCount() == 0);
  CHECK(settings.storePath() == QFileInfo(new_store).absoluteFilePath());  // the next start opens it

  // Refusals say why and keep the window: New Store on an existing file, Open Store on nothing.
  QSignalSpy errors(fresh, &MainWindow::errorReported);
  CHECK(fresh->openStore(first_store, true) == nullptr);
  CHECK(fresh->openStore(dir.filePath(QStringLiteral("missing.sqlite"))) == nullptr);
  REQUIRE(errors.count() == 2);
  CHECK(errors.at(0).at(0).toString().contains(QStringLiteral("exists already")));
  CHECK(fresh->isVisible());

  // Open Store: back to the first store, with its devices.
  QPointer<MainWindow> back = fresh->openStore(first_store);
  REQUIRE(back);
  REQUIRE(t::wait_until([&] { return back->devicesView()->deviceModel()->rowCount() == 2; }));
  CHECK(back->runCount() == 1);
  CHECK(settings.storePath() == QFileInfo(first_store).absoluteFilePath());
  back->close();
  REQUIRE(t::wait_until([&] { return back.isNull(); }));

  if (previous.isNull())
    qunsetenv("STATETRACE_SAMPLE_BUNDLE");
  else
    qputenv("STATETRACE_SAMPLE_BUNDLE", previous);
}
