#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QFont>

#include "ui/models/device_table_model.h"
#include "ui/models/natural_sort_proxy.h"
#include "ui/models/table_roles.h"
#include "ui_test_support.h"

using st::ui::DeviceTableModel;
using st::ui::test::make_device;

namespace {

std::vector<st::store::DeviceRow> three_devices() {
  return {make_device("HQ-B1-ACC-01", "HQ", "WS-C2960X-48FPD-L", "41 weeks, 2 days, 3 hours, 17 minutes"),
          make_device("HQ-CORE-DST-01", "HQ", "C9500-24Y4C", "1 year, 12 weeks, 4 days, 22 hours, 5 minutes"),
          make_device("lab-sw1", "LAB", "WS-C3560CX-8PC-S", "3 days, 1 hour, 2 minutes")};
}

QString cell(const QAbstractItemModel& model, int row, int column, int role = Qt::DisplayRole) {
  return model.data(model.index(row, column), role).toString();
}

}  // namespace

TEST_CASE("device model passes QAbstractItemModelTester with real rows and after a reset",
          "[ui][models]") {
  DeviceTableModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  st::ui::NaturalSortProxy proxy;
  proxy.setSourceModel(&model);
  QAbstractItemModelTester proxy_tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

  REQUIRE(model.rowCount() == 0);
  REQUIRE(model.columnCount() == DeviceTableModel::ColumnCount);

  model.resetData(three_devices());
  REQUIRE(model.rowCount() == 3);
  CHECK(cell(model, 0, DeviceTableModel::Hostname) == QStringLiteral("HQ-B1-ACC-01"));
  CHECK(cell(model, 1, DeviceTableModel::Model) == QStringLiteral("C9500-24Y4C"));
  CHECK(cell(model, 2, DeviceTableModel::Site) == QStringLiteral("LAB"));
  CHECK(cell(model, 2, DeviceTableModel::Uptime) == QStringLiteral("3d 1h"));
  CHECK(cell(model, 2, DeviceTableModel::Uptime, Qt::ToolTipRole).contains(QStringLiteral("3 days, 1 hour, 2 minutes")));
  CHECK(model.data(model.index(0, DeviceTableModel::Hostname), Qt::FontRole).value<QFont>().bold());
  CHECK(cell(model, 0, DeviceTableModel::Serial, Qt::ToolTipRole).contains(QStringLiteral("HQ-B1-ACC-01.log:33")));
  CHECK(model.headerData(DeviceTableModel::OsVersion, Qt::Horizontal).toString() == QStringLiteral("OS version"));

  // A different snapshot: fewer rows, missing optional fields.
  auto other = std::vector<st::store::DeviceRow>{make_device("lab-sw2", "LAB", "WS-C2960-24TT-L", "5 minutes")};
  other[0].model.reset();
  other[0].source.reset();
  model.resetData(std::move(other));
  REQUIRE(model.rowCount() == 1);
  CHECK(cell(model, 0, DeviceTableModel::Hostname) == QStringLiteral("lab-sw2"));
  CHECK(cell(model, 0, DeviceTableModel::Model).isEmpty());
  CHECK(model.rowOf(QStringLiteral("lab-sw2")) == 0);
  CHECK(model.rowOf(QStringLiteral("HQ-B1-ACC-01")) == -1);

  model.resetData(st::ui::DeviceSnapshot{});
  CHECK(model.rowCount() == 0);
}

TEST_CASE("device proxy sorts uptime by duration and filters on any column", "[ui][models]") {
  DeviceTableModel model;
  model.resetData(three_devices());
  st::ui::NaturalSortProxy proxy;
  proxy.setSourceModel(&model);

  proxy.sort(DeviceTableModel::Uptime, Qt::AscendingOrder);
  CHECK(cell(proxy, 0, DeviceTableModel::Hostname) == QStringLiteral("lab-sw1"));
  CHECK(cell(proxy, 2, DeviceTableModel::Hostname) == QStringLiteral("HQ-CORE-DST-01"));

  proxy.setFilterFixedString(QStringLiteral("lab"));
  CHECK(proxy.rowCount() == 1);
  proxy.setFilterFixedString(QStringLiteral("c9500"));  // case-insensitive, model column
  REQUIRE(proxy.rowCount() == 1);
  CHECK(cell(proxy, 0, DeviceTableModel::Hostname) == QStringLiteral("HQ-CORE-DST-01"));
}

TEST_CASE("device model shows zone and the location's parts", "[ui][models]") {
  auto rows = three_devices();
  rows[0].zone = "B1";
  rows[0].location = "bldg=B1;floor=2;room=2.14;rack=R3";
  rows[0].building = "B1";
  rows[0].floor = "2";
  rows[0].room = "2.14";
  rows[0].rack = "R3";
  rows[1].location = "Main comms room";  // free text: shown as configured
  DeviceTableModel model;
  model.resetData(rows);
  CHECK(cell(model, 0, DeviceTableModel::Zone) == QStringLiteral("B1"));
  CHECK(cell(model, 0, DeviceTableModel::Location) == QStringLiteral("B1 · floor 2 · room 2.14 · rack R3"));
  CHECK(cell(model, 1, DeviceTableModel::Location) == QStringLiteral("Main comms room"));
  CHECK(cell(model, 2, DeviceTableModel::Location).isEmpty());
  CHECK(model.headerData(DeviceTableModel::Zone, Qt::Horizontal).toString() == QStringLiteral("Zone"));
}

TEST_CASE("uptime text converts to minutes", "[ui][models]") {
  CHECK(st::ui::uptime_minutes("5 minutes") == 5);
  CHECK(st::ui::uptime_minutes("1 hour, 2 minutes") == 62);
  CHECK(st::ui::uptime_minutes("2 years, 31 weeks, 6 days, 9 hours, 55 minutes") ==
        2 * 525600 + 31 * 10080 + 6 * 1440 + 9 * 60 + 55);
  CHECK(st::ui::uptime_minutes("unknown") == -1);
  CHECK(st::ui::compact_uptime(5) == QStringLiteral("5m"));
  CHECK(st::ui::compact_uptime(3 * 1440 + 62) == QStringLiteral("3d 1h"));
  CHECK(st::ui::compact_uptime(525600 + 4 * 1440) == QStringLiteral("1y"));  // zero weeks left out
  CHECK(st::ui::compact_uptime(0) == QStringLiteral("0m"));
}
