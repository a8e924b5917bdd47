#include <catch2/catch.hpp>

#include <QAction>
#include <QComboBox>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>
#include <string>

#include "diff/diff_kind.h"
#include "diff/object_history.h"
#include "store/store.h"
#include "ui/ingest_controller.h"
#include "ui/main_window.h"
#include "ui/theme.h"
#include "ui/models/device_table_model.h"
#include "ui/models/interface_table_model.h"
#include "ui/models/object_history_model.h"
#include "ui/models/natural_sort_proxy.h"
#include "ui/sample_bundle.h"
#include "ui/store_session.h"
#include "ui/views/devices_view.h"
#include "ui/views/table_pane.h"
#include "ui/views/value_filter_bar.h"
#include "ui_test_support.h"

using st::ui::DeviceTableModel;
using st::ui::InterfaceTableModel;
using st::ui::MainWindow;
namespace t = st::ui::test;

namespace {

std::set<std::string> shown_hostnames(const DeviceTableModel& model) {
  std::set<std::string> hosts;
  for (int row = 0; row < model.rowCount(); ++row) hosts.insert(model.rowAt(row)->hostname);
  return hosts;
}

// Selects `hostname` and waits until its interfaces are on screen.
void show_device(MainWindow& window, const QString& hostname) {
  auto* view = window.devicesView();
  REQUIRE(view->selectDevice(hostname));
  CHECK(view->selectedDevice() == hostname);
  REQUIRE(t::wait_until([&] {
    const auto* first = view->interfaceModel()->rowAt(0);
    return !view->isLoadingInterfaces() && first && first->device == hostname.toStdString();
  }));
}

const st::store::InterfaceRow* find_port(const InterfaceTableModel& model, std::string_view name) {
  for (int row = 0; row < model.rowCount(); ++row)
    if (model.rowAt(row)->name == name) return model.rowAt(row);
  return nullptr;
}

// Opens a window over `store`, shows it and waits for the first overview.
void open_and_wait(MainWindow& window) {
  QSignalSpy shown(&window, &MainWindow::overviewShown);
  QSignalSpy errors(&window, &MainWindow::errorReported);
  window.show();
  window.start();
  REQUIRE(t::wait_until([&] { return shown.count() >= 1 || errors.count() >= 1; }));
  if (errors.count() > 0) FAIL(errors.at(0).at(0).toString().toStdString());
}

void grab_and_check(MainWindow& window, const QString& file_name) {
  QTest::qWait(50);  // let the last layout pass paint
  const QPixmap shot = window.grab();
  const QString path = t::screenshot_dir() + QStringLiteral("/") + file_name;
  REQUIRE(shot.save(path));
  const QImage image = shot.toImage();
  CHECK(image.size() == QSize(1200, 760) * shot.devicePixelRatio());
  const auto stats = t::image_stats(image);
  INFO("screenshot " << path.toStdString() << ": " << stats.distinct_colors << " colours, dominant "
                     << stats.dominant_share);
  CHECK(stats.distinct_colors >= 16);  // text, status colours, headers, selection
  CHECK(stats.dominant_share < 0.9);   // not one flat colour
}

}  // namespace

TEST_CASE("main window shows the sample site's devices and interfaces", "[ui][window]") {
  REQUIRE(std::filesystem::is_directory(t::sample_run(1)));  // shipped with the program
  REQUIRE(std::filesystem::is_directory(t::sample_run(2)));
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("store.sqlite")).toStdString();
  t::ingest_or_fail(store, t::sample_run(1));
  t::ingest_or_fail(store, t::sample_run(2));

  MainWindow window(store);
  open_and_wait(window);
  auto* view = window.devicesView();

  CHECK(window.windowTitle() == QStringLiteral("StateTrace — store.sqlite"));
  CHECK(window.size() == QSize(1200, 760));
  CHECK(shown_hostnames(*view->deviceModel()) ==
        std::set<std::string>{"HQ-B1-ACC-02", "HQ-B3-ACC-01", "HQ-B4-ACC-01", "HQ-CORE-DST-01", "HQ-DC1-LEAF-01",
                              "HQ-DC1-LEAF-02", "HQ-F2-ACC-01", "HQ-F3-ACC-01"});
  CHECK(window.runCount() == 2);
  // Each device's latest snapshot (run 2), three vendors in one site.
  std::map<std::string, int> vendors;
  for (int row = 0; row < view->deviceModel()->rowCount(); ++row) {
    const auto* device = view->deviceModel()->rowAt(row);
    INFO(device->hostname);
    CHECK(device->site == "HQ");
    CHECK(device->run.value == 2);
    ++vendors[device->vendor.value_or("?")];
  }
  CHECK(vendors == std::map<std::string, int>{{"arista", 2}, {"cisco", 4}, {"ruckus", 2}});

  // Another device first, so that selecting HQ-B4-ACC-01 really switches the interfaces.
  show_device(window, QStringLiteral("HQ-CORE-DST-01"));
  CHECK(view->interfaceModel()->rowCount() == 30);  // 24 x 25G + 4 x 100G, and two SVIs from its config
  show_device(window, QStringLiteral("HQ-B4-ACC-01"));
  auto* interfaces = view->interfaceModel();
  CHECK(interfaces->rowCount() == 53);  // 48 x 1G, 2 x 10G uplinks, Po1, and Vl1 / Vl99 from the config
  for (int row = 0; row < interfaces->rowCount(); ++row) {
    INFO("row " << row);
    const auto& name = interfaces->rowAt(row)->name;
    CHECK_FALSE(name.empty());
    // Every port of the status table has a status; the SVIs are known only from the config.
    CHECK(interfaces->rowAt(row)->status.has_value() == !name.starts_with("Vl"));
  }
  // Run 2's changes on this switch (see resources/samples/README.md).
  const auto* kiosk = find_port(*interfaces, "Gi1/0/30");
  REQUIRE(kiosk != nullptr);
  CHECK(kiosk->vlan == std::optional<std::string>("40"));
  CHECK(kiosk->description == std::optional<std::string>("Guest kiosk 1F"));
  const auto* camera = find_port(*interfaces, "Gi1/0/44");
  REQUIRE(camera != nullptr);
  CHECK(camera->status == std::optional<std::string>("connected"));
  CHECK(camera->vlan == std::optional<std::string>("30"));

  // The interface filter drops rows.
  auto* interface_pane = view->interfacePane();
  const int all_ports = interface_pane->proxy()->rowCount();
  interface_pane->filterEdit()->setText(QStringLiteral("Guest kiosk"));
  CHECK(interface_pane->proxy()->rowCount() == 1);
  interface_pane->filterEdit()->setText(QStringLiteral("UNUSED"));
  CHECK(interface_pane->proxy()->rowCount() > 1);
  CHECK(interface_pane->proxy()->rowCount() < all_ports);
  interface_pane->filterEdit()->clear();
  CHECK(interface_pane->proxy()->rowCount() == all_ports);

  // Status, VLAN and auth choices list the values present and narrow the table together.
  auto* filters = view->interfaceFilters();
  auto count_where = [&](auto&& keep) {
    int n = 0;
    for (int row = 0; row < interfaces->rowCount(); ++row) n += keep(*interfaces->rowAt(row)) ? 1 : 0;
    return n;
  };
  QComboBox* status_box = filters->comboFor(InterfaceTableModel::Status);
  REQUIRE(status_box != nullptr);
  CHECK(status_box->itemText(0) == QStringLiteral("Any"));
  CHECK(status_box->findData(QStringLiteral("connected")) > 0);
  CHECK(status_box->findData(QStringLiteral("notconnect")) > 0);
  const int connected = count_where([](const auto& r) { return r.status == std::optional<std::string>("connected"); });
  REQUIRE(connected > 0);
  REQUIRE(connected < all_ports);
  REQUIRE(filters->choose(InterfaceTableModel::Status, QStringLiteral("connected")));
  CHECK(interface_pane->proxy()->rowCount() == connected);
  REQUIRE(filters->choose(InterfaceTableModel::Vlan, QStringLiteral("30")));
  const int connected_30 = count_where([](const auto& r) {
    return r.status == std::optional<std::string>("connected") && r.vlan == std::optional<std::string>("30");
  });
  REQUIRE(connected_30 > 0);  // the camera on Gi1/0/44 at least
  CHECK(interface_pane->proxy()->rowCount() == connected_30);
  interface_pane->filterEdit()->setText(QStringLiteral("Gi1/0/44"));
  CHECK(interface_pane->proxy()->rowCount() == 1);
  interface_pane->filterEdit()->clear();
  filters->clear();
  CHECK(interface_pane->proxy()->rowCount() == all_ports);

  // Choosing an interface shows its history below: the runs in which it appeared or changed,
  // as the core's object history has them; Ctrl+R on a history row opens that run's bytes.
  {
    QSignalSpy history_shown(view, &st::ui::DevicesView::historyShown);
    REQUIRE(view->selectInterface(QStringLiteral("Gi1/0/30")));
    REQUIRE(t::wait_until([&] { return history_shown.count() >= 1 && !view->isBusy(); }));
    CHECK(view->historyKey() == QStringLiteral("Gi1/0/30"));
    auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
    REQUIRE(db);
    auto expected = st::diff::object_history(
        *db, st::diff::HistoryRequest{"HQ-B4-ACC-01", st::diff::diff_kind_by_name("interface"), "Gi1/0/30", 30, false});
    REQUIRE(expected);
    auto* history = view->historyModel();
    REQUIRE(history->rowCount() == static_cast<int>(expected->size()));
    REQUIRE(history->rowCount() == 2);  // captured in run 1, moved to VLAN 40 in run 2
    const auto* changed = history->rowAt(1);
    REQUIRE(changed != nullptr);
    CHECK(changed->run.value == 2);
    CHECK(changed->change == "changed");
    const QString values = history->index(1, static_cast<int>(st::ui::ObjectHistoryColumn::Values)).data().toString();
    CHECK(values.contains(QStringLiteral("vlan: ")));
    CHECK(values.contains(QStringLiteral("→ 40")));
    CHECK(history->index(0, static_cast<int>(st::ui::ObjectHistoryColumn::Change)).data().toString() ==
          QStringLiteral("as first captured"));
    // Newest first on screen; its row opens run 2's line of the port.
    auto* history_view = view->historyPane()->view();
    history_view->setFocus();
    history_view->setCurrentIndex(view->historyPane()->proxy()->index(0, 0));
    const auto location = view->currentLocation();
    REQUIRE(location.has_value());
    CHECK(location->run.value == 2);
    REQUIRE(changed->source.has_value());
    CHECK(location->range.offset == changed->source->offset);
  }

  // FastIron and Arista ports by their own names.
  show_device(window, QStringLiteral("HQ-F3-ACC-01"));
  const auto* taken_out = find_port(*view->interfaceModel(), "1/1/6");
  REQUIRE(taken_out != nullptr);
  CHECK(taken_out->status == std::optional<std::string>("disabled"));
  show_device(window, QStringLiteral("HQ-DC1-LEAF-01"));
  CHECK(view->interfaceModel()->rowCount() == 53);  // 52 ports and Management1 from the config
  const auto* bpdu = find_port(*view->interfaceModel(), "Et42");
  REQUIRE(bpdu != nullptr);
  CHECK(bpdu->status == std::optional<std::string>("errdisabled"));

  // The device filter narrows the grouped devices; a site's name shows all of its devices.
  auto* device_pane = view->devicePane();
  device_pane->filterEdit()->setText(QStringLiteral("LEAF"));
  CHECK(device_pane->shownRows() == 2);
  CHECK(device_pane->proxy()->rowCount() == 1);  // one site group left
  device_pane->filterEdit()->setText(QStringLiteral("HQ-CORE"));
  CHECK(device_pane->shownRows() == 1);
  // Where devices are: the zone (hostname) and the building / room (snmp-server location).
  device_pane->filterEdit()->setText(QStringLiteral("DC1"));
  CHECK(device_pane->shownRows() == 2);
  device_pane->filterEdit()->setText(QStringLiteral("room 2.01"));
  CHECK(device_pane->shownRows() == 1);  // HQ-F2-ACC-01: bldg=B1;floor=2;room=2.01
  device_pane->filterEdit()->clear();
  CHECK(device_pane->shownRows() == 8);

  // Screenshot: the Arista leaf around its err-disabled port, next to connected and empty ports.
  show_device(window, QStringLiteral("HQ-DC1-LEAF-01"));
  for (int row = 0; row < interface_pane->proxy()->rowCount(); ++row) {
    const QModelIndex index = interface_pane->proxy()->index(row, InterfaceTableModel::Name);
    if (index.data().toString() == QStringLiteral("Et42"))
      interface_pane->view()->scrollTo(index, QAbstractItemView::PositionAtCenter);
  }
  grab_and_check(window, QStringLiteral("main-window-sample.png"));
}

TEST_CASE("main window over the fixture bundle: selection, values, filter, shortcuts, screenshot",
          "[ui][window]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("fixture.sqlite")).toStdString();
  t::ingest_or_fail(store, t::fixture_bundle());

  MainWindow window(store);
  open_and_wait(window);
  auto* view = window.devicesView();
  CHECK(window.windowTitle() == QStringLiteral("StateTrace — fixture.sqlite"));
  CHECK(shown_hostnames(*view->deviceModel()) == std::set<std::string>{"BR2-F1-ACC-01", "BR2-F1-ACC-02"});

  // Device facts from `show version`.
  const int acc1 = view->deviceModel()->rowOf(QStringLiteral("BR2-F1-ACC-01"));
  REQUIRE(acc1 >= 0);
  const auto* device = view->deviceModel()->rowAt(acc1);
  CHECK(device->site == "BR2");
  CHECK(device->model == std::optional<std::string>("WS-C2960X-24PS-L"));
  CHECK(device->serial == std::optional<std::string>("FOC2104X1AB"));

  // Selecting a device lists its interfaces with their real values.
  show_device(window, QStringLiteral("BR2-F1-ACC-02"));
  show_device(window, QStringLiteral("BR2-F1-ACC-01"));
  auto* interfaces = view->interfaceModel();
  CHECK(interfaces->rowCount() == 12);
  const auto* camera = find_port(*interfaces, "Gi1/0/6");
  REQUIRE(camera != nullptr);
  CHECK(camera->status == std::optional<std::string>("err-disabled"));
  CHECK(camera->vlan == std::optional<std::string>("30"));
  CHECK(camera->description == std::optional<std::string>("Camera lobby"));
  const auto* uplink = find_port(*interfaces, "Gi1/0/25");
  REQUIRE(uplink != nullptr);
  CHECK(uplink->status == std::optional<std::string>("connected"));
  CHECK(uplink->vlan == std::optional<std::string>("trunk"));
  CHECK(view->interfacePane()->titleLabel()->text().contains(QStringLiteral("BR2-F1-ACC-01")));

  // The interface filter drops rows, and clearing it brings them back.
  auto* pane = view->interfacePane();
  pane->filterEdit()->setText(QStringLiteral("notconnect"));
  CHECK(pane->proxy()->rowCount() == 5);
  pane->filterEdit()->setText(QStringLiteral("camera"));
  CHECK(pane->proxy()->rowCount() == 1);
  pane->filterEdit()->clear();
  CHECK(pane->proxy()->rowCount() == 12);

  // Ctrl+F focuses the device filter box.
  QApplication::setActiveWindow(&window);
  view->devicePane()->view()->setFocus();
  QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
  CHECK(QApplication::focusWidget() == view->devicePane()->filterEdit());

  // The status bar names the store and counts runs and devices.
  bool path_shown = false, counts_shown = false;
  for (auto* label : window.statusBar()->findChildren<QLabel*>()) {
    path_shown |= label->text().contains(QStringLiteral("fixture.sqlite"));
    counts_shown |= label->text().contains(QStringLiteral("1 run")) && label->text().contains(QStringLiteral("2 devices"));
  }
  CHECK(path_shown);
  CHECK(counts_shown);

  grab_and_check(window, QStringLiteral("main-window-fixture.png"));
}

TEST_CASE("first start ingests the sample bundle into an empty store", "[ui][window]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  // Point the sample lookup at the fixture so this test does not depend on the shipped sample.
  const QByteArray previous = qgetenv("STATETRACE_SAMPLE_BUNDLE");
  qputenv("STATETRACE_SAMPLE_BUNDLE", QByteArray::fromStdString(t::fixture_bundle().string()));
  const std::filesystem::path store = dir.filePath(QStringLiteral("first/store.sqlite")).toStdString();

  {
    MainWindow window(store);
    window.show();
    window.start();
    REQUIRE(t::wait_until([&] { return window.devicesView()->deviceModel()->rowCount() == 2; }));
    CHECK(window.runCount() == 1);
  }
  if (previous.isNull())
    qunsetenv("STATETRACE_SAMPLE_BUNDLE");
  else
    qputenv("STATETRACE_SAMPLE_BUNDLE", previous);
  CHECK(t::runs_in(store).size() == 1);
}

TEST_CASE("first start ingests the shipped sample site's runs in order", "[ui][window]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const QByteArray previous = qgetenv("STATETRACE_SAMPLE_BUNDLE");
  qputenv("STATETRACE_SAMPLE_BUNDLE", QByteArray::fromStdString(t::sample_site().string()));
  const std::filesystem::path store = dir.filePath(QStringLiteral("first/store.sqlite")).toStdString();

  {
    MainWindow window(store);
    QSignalSpy finished(window.ingestController(), &st::ui::IngestController::finished);
    window.show();
    window.start();
    REQUIRE(t::wait_until([&] { return finished.count() == 2 && window.runCount() == 2; }, 30000));
    REQUIRE(t::wait_until([&] { return window.devicesView()->deviceModel()->rowCount() == 8; }));
    for (int i = 0; i < 2; ++i) {
      const auto outcome = finished.at(i).at(0).value<st::ui::IngestOutcome>();
      INFO((outcome.error ? outcome.error->describe() : std::string()));
      REQUIRE(outcome.summary.has_value());
      CHECK(outcome.summary->devices == 8);
      CHECK(outcome.summary->files == 7);
    }
    CHECK(window.storeSummaryText().startsWith(QStringLiteral("2 runs · 8 devices · 1 site · latest capture 2026-11-21 ")));
  }
  if (previous.isNull())
    qunsetenv("STATETRACE_SAMPLE_BUNDLE");
  else
    qputenv("STATETRACE_SAMPLE_BUNDLE", previous);
  const auto runs = t::runs_in(store);
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].bundle.ends_with("run-1"));
  CHECK(runs[1].bundle.ends_with("run-2"));
  // Capture times come from `show clock`, a day apart.
  CHECK(runs[0].captured_at_source == "show_clock");
  CHECK(runs[1].captured_at_source == "show_clock");
  CHECK(runs[0].captured_at.value_or("").starts_with("2026-11-20T09:"));
  CHECK(runs[1].captured_at.value_or("").starts_with("2026-11-21T09:"));
}

TEST_CASE("sample lookup: run-N folders in numeric order, else the folder itself", "[ui][window]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  for (const char* name : {"run-10", "run-2", "run-1", "run-x", "notes"})
    REQUIRE(QDir(dir.path()).mkpath(QString::fromLatin1(name)));
  const QString site = QDir::cleanPath(dir.path());
  CHECK(st::ui::sample_runs(site) == QStringList{site + QStringLiteral("/run-1"), site + QStringLiteral("/run-2"),
                                                 site + QStringLiteral("/run-10")});
  const QString plain = QDir::cleanPath(QString::fromStdString(t::fixture_bundle().string()));
  CHECK(st::ui::sample_runs(plain) == QStringList{plain});
  CHECK(st::ui::sample_runs(QString()).isEmpty());

  // The shipped site, as the program finds it.
  const QByteArray previous = qgetenv("STATETRACE_SAMPLE_BUNDLE");
  qunsetenv("STATETRACE_SAMPLE_BUNDLE");
  const QStringList shipped = st::ui::find_sample_bundles();
  if (!previous.isNull()) qputenv("STATETRACE_SAMPLE_BUNDLE", previous);
  REQUIRE(shipped.size() == 2);
  CHECK(shipped[0].endsWith(QStringLiteral("campus-hq/run-1")));
  CHECK(shipped[1].endsWith(QStringLiteral("campus-hq/run-2")));
}

TEST_CASE("File → Open Bundle ingests another bundle and refreshes the window", "[ui][window]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("store.sqlite")).toStdString();
  t::ingest_or_fail(store, t::fixture_bundle());

  MainWindow window(store);
  open_and_wait(window);
  REQUIRE(window.devicesView()->deviceModel()->rowCount() == 2);

  // The shortcuts the menus promise.
  QStringList shortcuts;
  for (QAction* action : window.findChildren<QAction*>()) shortcuts << action->shortcut().toString();
  CHECK(shortcuts.contains(QStringLiteral("Ctrl+O")));
  CHECK(shortcuts.contains(QStringLiteral("Ctrl+Q")));
  CHECK(shortcuts.contains(QStringLiteral("Ctrl+F")));

  QSignalSpy finished(window.ingestController(), &st::ui::IngestController::finished);
  window.ingestBundle(QString::fromStdString(t::sample_run(1).string()));
  REQUIRE(t::wait_until([&] { return finished.count() == 1; }));
  const auto outcome = finished.at(0).at(0).value<st::ui::IngestOutcome>();
  INFO((outcome.error ? outcome.error->describe() : std::string()));
  REQUIRE(outcome.summary.has_value());
  CHECK(window.statusBar()->currentMessage().startsWith(QStringLiteral("Ingested")));
  REQUIRE(t::wait_until([&] { return window.devicesView()->deviceModel()->rowCount() == 10; }));  // 2 + 8
  CHECK(window.runCount() == 2);
  CHECK(t::runs_in(store).size() == 2);
}

TEST_CASE("a store that cannot be opened is reported, not shown", "[ui][window]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  // A directory where the store file should be.
  const QString bogus = dir.filePath(QStringLiteral("not-a-file.sqlite"));
  REQUIRE(QDir().mkpath(bogus));
  MainWindow window(bogus.toStdString());
  QSignalSpy errors(&window, &MainWindow::errorReported);
  window.show();
  window.start();
  REQUIRE(t::wait_until([&] { return errors.count() >= 1; }));
  CHECK(errors.at(0).at(0).toString().contains(QStringLiteral("Opening the store failed")));
  CHECK(window.statusBar()->currentMessage().contains(QStringLiteral("not-a-file.sqlite")));
  CHECK(window.devicesView()->deviceModel()->rowCount() == 0);
}

TEST_CASE("status colours on a dark palette: screenshot", "[ui][window]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("dark.sqlite")).toStdString();
  t::ingest_or_fail(store, t::fixture_bundle());

  const QPalette light = QApplication::palette();
  st::ui::apply_theme(*qApp, st::ui::Theme::Dark);

  {
    MainWindow window(store);
    open_and_wait(window);
    show_device(window, QStringLiteral("BR2-F1-ACC-01"));
    auto* model = window.devicesView()->interfaceModel();
    for (int row = 0; row < model->rowCount(); ++row) {
      const QColor color = model->data(model->index(row, InterfaceTableModel::Status), Qt::ForegroundRole).value<QColor>();
      if (color.isValid()) CHECK(color.lightnessF() > 0.4);  // light text on the dark base
    }
    grab_and_check(window, QStringLiteral("main-window-dark.png"));
  }
  QApplication::setPalette(light);  // the platform's, as the other tests expect
}
