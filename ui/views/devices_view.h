// Devices grouped by site on the left, the selected device's interfaces on the right
// (QSplitter).
// The view's controller too: it asks the StoreSession for interfaces when the
// selection changes and shows each snapshot the session hands back.
#pragma once

#include <QByteArray>
#include <QString>
#include <QWidget>

#include <optional>

#include "ui/raw_location.h"
#include "ui/models/object_history_model.h"
#include "ui/store_tasks.h"

class QAction;
class QSplitter;
class QTableView;
class QLineEdit;

namespace st::ui {

class DeviceTableModel;
class InterfaceTableModel;
class SiteTreeModel;
class StoreSession;
class TablePane;
class ValueFilterBar;

class DevicesView : public QWidget {
  Q_OBJECT
  // The screenshot tour and tests wait while this is true (async work on screen soon).
  Q_PROPERTY(bool busy READ isBusy)

 public:
  explicit DevicesView(StoreSession& session, QWidget* parent = nullptr);

  // Shows a new overview, keeping the selected device when it is still there
  // (else selecting the first one).
  void showOverview(const StoreOverview& overview);
  // Selects `hostname` in the device table; false when it is not listed (or filtered out).
  bool selectDevice(const QString& hostname);
  QString selectedDevice() const { return selected_; }
  // True while the selected device's interfaces are being fetched.
  bool isLoadingInterfaces() const { return loading_interfaces_; }
  // True while the interfaces or the chosen interface's history are being fetched.
  bool isBusy() const { return loading_interfaces_ || loading_history_; }
  // Makes `interface` of the selected device the current row (its history follows below the
  // table); false when it is not shown.
  bool selectInterface(const QString& interface);
  // The interface whose history is shown ("" when none).
  QString historyKey() const { return history_key_; }
  // The splitter's sizes, for AppSettings; restoring one stops the automatic balance.
  QByteArray saveSplitterState() const;
  bool restoreSplitterState(const QByteArray& state);
  // Focuses the filter box of the table the user worked in last (devices by default).
  void focusFilter();

  // The source bytes of the current row of the table the user worked in last (a
  // device's `show version`, an interface's line), if it has any.
  std::optional<RawLocation> currentLocation() const;
  // "Show in Raw Log" (Ctrl+R, and each table's context menu).
  QAction* showInRawLogAction() const { return show_raw_; }

  // The flat device list (one row per device) and its grouping by site (shown).
  DeviceTableModel* deviceModel() const { return device_model_; }
  SiteTreeModel* siteModel() const { return site_model_; }
  InterfaceTableModel* interfaceModel() const { return interface_model_; }
  TablePane* devicePane() const { return device_pane_; }
  TablePane* interfacePane() const { return interface_pane_; }
  // Status, VLAN and auth template choices over the interface table.
  ValueFilterBar* interfaceFilters() const { return interface_filters_; }
  // The current interface through the device's last captures (runs where it changed).
  ObjectHistoryModel* historyModel() const { return history_model_; }
  TablePane* historyPane() const { return history_pane_; }
  QSplitter* splitter() const { return splitter_; }

 signals:
  void devicesShown(int count);
  void interfacesShown(const QString& hostname, int count);
  void historyShown(const QString& hostname, const QString& interface, int entries);
  void showInRawLog(const st::ui::RawLocation& location);

 private:
  void onDeviceSelectionChanged();
  void onInterfacesReady(const InterfacesOutcome& outcome);
  void balanceSplitter();
  void requestInterfaces(const QString& hostname);
  void onInterfaceChosen();
  void onHistoryReady(const HistoryOutcome& outcome);
  void clearHistory();
  void selectFirstDevice();
  std::optional<RawLocation> locationOf(const TablePane* pane, const QModelIndex& proxy_index) const;

  StoreSession& session_;
  DeviceTableModel* device_model_;
  SiteTreeModel* site_model_;
  InterfaceTableModel* interface_model_;
  TablePane* device_pane_;
  TablePane* interface_pane_;
  ValueFilterBar* interface_filters_;
  ObjectHistoryModel* history_model_;
  TablePane* history_pane_;
  QSplitter* splitter_;
  QSplitter* interface_splitter_;  // the interfaces over the current one's history
  QString history_key_;
  QString selected_;
  TablePane* last_active_pane_;
  QAction* show_raw_;
  bool user_moved_splitter_ = false;
  bool loading_interfaces_ = false;
  bool loading_history_ = false;
};

}  // namespace st::ui
