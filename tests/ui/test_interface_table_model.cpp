#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <cmath>
#include <QColor>
#include <QGuiApplication>
#include <QIcon>

#include "ui/models/interface_status.h"
#include "ui/models/interface_table_model.h"
#include "ui/models/natural_sort_proxy.h"
#include "ui_test_support.h"

using st::ui::InterfaceState;
using st::ui::InterfaceTableModel;
using st::ui::test::make_interface;

namespace {

std::vector<st::store::InterfaceRow> access_ports() {
  return {make_interface("HQ-B1-ACC-01", "Gi1/0/10", "notconnect", "10"),
          make_interface("HQ-B1-ACC-01", "Gi1/0/2", "connected", "20", "Printer-2F"),
          make_interface("HQ-B1-ACC-01", "Gi1/0/1", "connected", "10", "Reception PC"),
          make_interface("HQ-B1-ACC-01", "Gi1/0/5", "disabled", "1", "Spare"),
          make_interface("HQ-B1-ACC-01", "Gi1/0/6", "err-disabled", "30", "Camera lobby")};
}

QString cell(const QAbstractItemModel& model, int row, int column, int role = Qt::DisplayRole) {
  return model.data(model.index(row, column), role).toString();
}

double contrast(const QColor& a, const QColor& b) {
  auto luminance = [](const QColor& c) {
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
  };
  const double la = luminance(a) + 0.05, lb = luminance(b) + 0.05;
  return la > lb ? la / lb : lb / la;
}

}  // namespace

TEST_CASE("interface model passes QAbstractItemModelTester with real rows and after a reset",
          "[ui][models]") {
  InterfaceTableModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  st::ui::NaturalSortProxy proxy;
  proxy.setSourceModel(&model);
  QAbstractItemModelTester proxy_tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

  model.resetData(access_ports());
  REQUIRE(model.rowCount() == 5);
  REQUIRE(model.columnCount() == InterfaceTableModel::ColumnCount);
  CHECK(cell(model, 1, InterfaceTableModel::Status) == QStringLiteral("connected"));
  CHECK(cell(model, 1, InterfaceTableModel::Description) == QStringLiteral("Printer-2F"));
  CHECK(cell(model, 0, InterfaceTableModel::Description).isEmpty());
  const QString tip = cell(model, 4, InterfaceTableModel::Name, Qt::ToolTipRole);
  CHECK(tip.contains(QStringLiteral("Gi1/0/6")));
  CHECK(tip.contains(QStringLiteral("HQ-B1-ACC-01.log:2100")));

  // Status colours: a foreground colour and a dot on the status cell.
  const QColor connected = model.data(model.index(1, InterfaceTableModel::Status), Qt::ForegroundRole).value<QColor>();
  const QColor errdisabled = model.data(model.index(4, InterfaceTableModel::Status), Qt::ForegroundRole).value<QColor>();
  CHECK(connected.isValid());
  CHECK(connected.green() > connected.red());
  CHECK(errdisabled.red() > errdisabled.green());
  CHECK_FALSE(model.data(model.index(1, InterfaceTableModel::Status), Qt::DecorationRole).value<QIcon>().isNull());

  // A different device's snapshot.
  model.resetData({make_interface("lab-sw2", "Fa0/1", "connected", "1"),
                   make_interface("lab-sw2", "Fa0/2", "monitoring", "1")});
  REQUIRE(model.rowCount() == 2);
  CHECK(cell(model, 0, InterfaceTableModel::Name) == QStringLiteral("Fa0/1"));
  CHECK_FALSE(model.data(model.index(1, InterfaceTableModel::Status), Qt::ForegroundRole).isValid());

  model.resetData(st::ui::InterfaceSnapshot{});
  CHECK(model.rowCount() == 0);
}

TEST_CASE("interface model shows port facts: mode, auth template, coloured compliance, session, MACs",
          "[ui][models]") {
  auto ports = access_ports();
  auto& desk = ports[2];  // Gi1/0/1
  desk.mode = "access";
  desk.port_type = "access";
  desk.auth_template = "flexible";
  desk.compliance = "match";
  desk.compliance_template = "flexible";
  desk.auth_state = "authorized";
  desk.auth_method = "dot1x";
  desk.learned_macs = std::vector<std::string>{"0cd0.f8a1.22e0", "0cd0.f8a1.22ff"};
  auto& printer = ports[1];  // Gi1/0/2
  printer.auth_template = "dot1x";
  printer.compliance = "mismatch";
  printer.compliance_template = "flexible";
  printer.missing_auth_commands = {"authentication host-mode multi-domain", "mab"};
  printer.learned_macs = std::vector<std::string>{};
  InterfaceTableModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.resetData(ports);
  CHECK(cell(model, 2, InterfaceTableModel::Mode) == QStringLiteral("access"));
  CHECK(cell(model, 2, InterfaceTableModel::Auth) == QStringLiteral("flexible"));
  CHECK(cell(model, 2, InterfaceTableModel::AuthState) == QStringLiteral("authorized (dot1x)"));
  CHECK(cell(model, 2, InterfaceTableModel::Macs) == QStringLiteral("2"));
  CHECK(cell(model, 2, InterfaceTableModel::Macs, Qt::ToolTipRole).contains(QStringLiteral("0cd0.f8a1.22ff")));
  CHECK(cell(model, 1, InterfaceTableModel::Macs) == QStringLiteral("0"));  // a MAC table, nothing learned
  CHECK(cell(model, 0, InterfaceTableModel::Macs).isEmpty());               // no MAC table captured
  const QColor match = model.data(model.index(2, InterfaceTableModel::Compliance), Qt::ForegroundRole).value<QColor>();
  const QColor mismatch = model.data(model.index(1, InterfaceTableModel::Compliance), Qt::ForegroundRole).value<QColor>();
  CHECK(match.green() > match.red());
  CHECK(mismatch.red() > mismatch.green());
  const QString tip = cell(model, 1, InterfaceTableModel::Compliance, Qt::ToolTipRole);
  CHECK(tip.contains(QStringLiteral("flexible")));
  CHECK(tip.contains(QStringLiteral("mab")));
  CHECK(model.headerData(InterfaceTableModel::Compliance, Qt::Horizontal).toString() == QStringLiteral("Compliance"));
}

TEST_CASE("interface names sort naturally", "[ui][models]") {
  InterfaceTableModel model;
  model.resetData(access_ports());
  st::ui::NaturalSortProxy proxy;
  proxy.setSourceModel(&model);
  proxy.sort(InterfaceTableModel::Name, Qt::AscendingOrder);
  QStringList names;
  for (int row = 0; row < proxy.rowCount(); ++row) names << cell(proxy, row, InterfaceTableModel::Name);
  CHECK(names == QStringList{QStringLiteral("Gi1/0/1"), QStringLiteral("Gi1/0/2"), QStringLiteral("Gi1/0/5"),
                             QStringLiteral("Gi1/0/6"), QStringLiteral("Gi1/0/10")});
}

TEST_CASE("status colours stay readable on light and dark palettes", "[ui][models]") {
  CHECK(st::ui::classify_interface_status("connected") == InterfaceState::Connected);
  CHECK(st::ui::classify_interface_status("notconnect") == InterfaceState::NotConnected);
  CHECK(st::ui::classify_interface_status("disabled") == InterfaceState::Disabled);
  CHECK(st::ui::classify_interface_status("err-disabled") == InterfaceState::ErrDisabled);
  CHECK(st::ui::classify_interface_status("monitoring") == InterfaceState::Other);

  QPalette light;
  light.setColor(QPalette::Base, Qt::white);
  light.setColor(QPalette::Text, Qt::black);
  QPalette dark;
  dark.setColor(QPalette::Base, QColor(0x2b, 0x2b, 0x2b));
  dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
  CHECK_FALSE(st::ui::is_dark_palette(light));
  CHECK(st::ui::is_dark_palette(dark));

  for (auto state : {InterfaceState::Connected, InterfaceState::NotConnected, InterfaceState::Disabled,
                     InterfaceState::ErrDisabled}) {
    INFO("state " << static_cast<int>(state));
    CHECK(contrast(st::ui::interface_state_color(state, light), light.color(QPalette::Base)) >= 4.5);
    CHECK(contrast(st::ui::interface_state_color(state, dark), dark.color(QPalette::Base)) >= 4.0);
  }
  // The four states look different from each other.
  CHECK(st::ui::interface_state_color(InterfaceState::Connected, light) !=
        st::ui::interface_state_color(InterfaceState::NotConnected, light));
  CHECK(st::ui::interface_state_color(InterfaceState::NotConnected, light) !=
        st::ui::interface_state_color(InterfaceState::Disabled, light));
}

TEST_CASE("natural comparison orders port numbers by value", "[ui][models]") {
  using st::ui::natural_compare;
  CHECK(natural_compare(u"Gi1/0/2", u"Gi1/0/10") < 0);
  CHECK(natural_compare(u"Gi1/0/10", u"Gi1/0/2") > 0);
  CHECK(natural_compare(u"gi1/0/2", u"Gi1/0/2") == 0);
  CHECK(natural_compare(u"Fa0/1", u"Gi0/1") < 0);
  CHECK(natural_compare(u"Gi1/0/1", u"Gi1/0/1.100") < 0);
  CHECK(natural_compare(u"Vlan010", u"Vlan9") > 0);
}
