#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFont>

#include "ui/models/device_table_model.h"
#include "ui/models/natural_sort_proxy.h"
#include "ui/models/site_tree_model.h"
#include "ui/models/table_roles.h"
#include "ui_test_support.h"

using st::ui::DeviceTableModel;
using st::ui::SiteTreeModel;
using st::ui::test::make_device;

namespace {

std::vector<st::store::DeviceRow> two_sites() {
  return {make_device("HQ-B1-ACC-01", "HQ", "WS-C2960X-48FPD-L", "41 weeks, 2 days"),
          make_device("lab-sw1", "LAB", "WS-C3560CX-8PC-S", "3 days, 1 hour, 2 minutes"),
          make_device("HQ-CORE-DST-01", "HQ", "C9500-24Y4C", "1 year, 12 weeks"),
          make_device("HQ-B1-ACC-02", "HQ", "WS-C2960X-48FPD-L", "5 minutes")};
}

QString text(const QAbstractItemModel& model, const QModelIndex& index, int role = Qt::DisplayRole) {
  return model.data(index, role).toString();
}

}  // namespace

TEST_CASE("site tree groups devices under their sites and passes QAbstractItemModelTester",
          "[ui][models]") {
  DeviceTableModel devices;
  SiteTreeModel tree(&devices);
  QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::Fatal);
  st::ui::NaturalSortProxy proxy;
  proxy.setRecursiveFilteringEnabled(true);
  proxy.setAutoAcceptChildRows(true);
  proxy.setFilterRole(st::ui::kFilterRole);
  proxy.setSourceModel(&tree);
  QAbstractItemModelTester proxy_tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
  REQUIRE(tree.rowCount() == 0);

  devices.resetData(two_sites());
  REQUIRE(tree.siteCount() == 2);
  const QModelIndex hq = tree.index(0, 0);
  const QModelIndex lab = tree.index(1, 0);
  CHECK(tree.isSiteRow(hq));
  CHECK(text(tree, hq) == QStringLiteral("HQ  ·  3 devices"));
  CHECK(text(tree, lab) == QStringLiteral("LAB  ·  1 device"));
  CHECK(text(tree, hq, st::ui::kFilterRole) == QStringLiteral("HQ"));
  CHECK(tree.data(hq, Qt::FontRole).value<QFont>().bold());
  CHECK(tree.data(hq, Qt::BackgroundRole).value<QColor>().isValid());
  CHECK(tree.rowCount(hq) == 3);
  CHECK(tree.rowCount(lab) == 1);
  CHECK(tree.rowCount(tree.index(0, 1)) == 0);  // children hang off column 0 only

  // Device rows read through to the flat model, without the Site column.
  const QModelIndex lab_sw1 = tree.index(0, SiteTreeModel::Name, lab);
  CHECK(text(tree, lab_sw1) == QStringLiteral("lab-sw1"));
  CHECK(text(tree, tree.index(0, SiteTreeModel::Model, lab)) == QStringLiteral("WS-C3560CX-8PC-S"));
  CHECK(text(tree, tree.index(0, SiteTreeModel::Uptime, lab)) == QStringLiteral("3d 1h"));
  CHECK(text(tree, lab_sw1, st::ui::kHostnameRole) == QStringLiteral("lab-sw1"));
  CHECK(text(tree, hq, st::ui::kHostnameRole).isEmpty());
  CHECK(tree.parent(lab_sw1) == lab);
  CHECK(tree.sourceRow(lab_sw1) == 1);
  CHECK(tree.sourceRow(hq) == -1);
  CHECK(tree.indexOfSourceRow(1) == lab_sw1);
  CHECK(tree.indexOfSourceRow(2).parent() == hq);
  CHECK_FALSE(tree.indexOfSourceRow(4).isValid());
  CHECK(tree.headerData(SiteTreeModel::Name, Qt::Horizontal).toString() == QStringLiteral("Site / Hostname"));
  CHECK(tree.headerData(SiteTreeModel::OsVersion, Qt::Horizontal).toString() == QStringLiteral("OS version"));

  // Sorting orders sites, and devices inside each site, naturally.
  proxy.sort(SiteTreeModel::Name, Qt::AscendingOrder);
  const QModelIndex proxy_hq = proxy.index(0, 0);
  CHECK(text(proxy, proxy_hq, st::ui::kFilterRole) == QStringLiteral("HQ"));
  CHECK(text(proxy, proxy.index(0, 0, proxy_hq)) == QStringLiteral("HQ-B1-ACC-01"));
  CHECK(text(proxy, proxy.index(2, 0, proxy_hq)) == QStringLiteral("HQ-CORE-DST-01"));

  // A hostname filter keeps the matching devices under their site ...
  proxy.setFilterFixedString(QStringLiteral("core"));
  REQUIRE(proxy.rowCount() == 1);
  CHECK(proxy.rowCount(proxy.index(0, 0)) == 1);
  // ... a model filter works on device columns ...
  proxy.setFilterFixedString(QStringLiteral("c3560"));
  REQUIRE(proxy.rowCount() == 1);
  CHECK(text(proxy, proxy.index(0, 0, proxy.index(0, 0))) == QStringLiteral("lab-sw1"));
  // ... a site name shows the whole site, and the count text matches nothing.
  proxy.setFilterFixedString(QStringLiteral("hq"));
  REQUIRE(proxy.rowCount() == 1);
  CHECK(proxy.rowCount(proxy.index(0, 0)) == 3);
  proxy.setFilterFixedString(QStringLiteral("devices"));
  CHECK(proxy.rowCount() == 0);
  proxy.setFilterFixedString(QString());
  CHECK(proxy.rowCount() == 2);

  // A new snapshot regroups; devices without a site get their own group.
  auto other = std::vector<st::store::DeviceRow>{make_device("edge-1", "", "ISR4331", "2 days")};
  devices.resetData(std::move(other));
  REQUIRE(tree.siteCount() == 1);
  CHECK(text(tree, tree.index(0, 0)) == QStringLiteral("(no site)  ·  1 device"));
  devices.resetData(st::ui::DeviceSnapshot{});
  CHECK(tree.rowCount() == 0);
}
