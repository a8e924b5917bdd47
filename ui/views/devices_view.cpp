#include "ui/views/devices_view.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QMenu>

#include <algorithm>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>

#include "ui/models/device_table_model.h"
#include "ui/view_layout.h"
#include "ui/models/interface_table_model.h"
#include "ui/models/natural_sort_proxy.h"
#include "ui/models/site_tree_model.h"
#include "ui/models/table_roles.h"
#include "ui/store_session.h"
#include "ui/views/table_pane.h"
#include "ui/views/value_filter_bar.h"

namespace st::ui {

DevicesView::DevicesView(StoreSession& session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      device_model_(new DeviceTableModel(this)),
      site_model_(new SiteTreeModel(device_model_, this)),
      interface_model_(new InterfaceTableModel(this)),
      device_pane_(new TablePane(site_model_, tr("Filter devices (Ctrl+F)"), this, TablePane::Kind::Tree)),
      interface_pane_(new TablePane(interface_model_, tr("Filter interfaces"), this)),
      interface_filters_(new ValueFilterBar(interface_pane_->proxy(), interface_pane_)),
      history_model_(make_object_history_model(this)),
      history_pane_(new TablePane(history_model_, tr("Filter history"), this)),
      splitter_(new QSplitter(Qt::Horizontal, this)),
      interface_splitter_(new QSplitter(Qt::Vertical, this)),
      last_active_pane_(device_pane_),
      show_raw_(new QAction(tr("Show in Raw Log"), this)) {
  device_pane_->setObjectName(QStringLiteral("devicePane"));
  interface_pane_->setObjectName(QStringLiteral("interfacePane"));
  device_pane_->setTitle(tr("Devices"));
  device_pane_->proxy()->setFilterRole(kFilterRole);  // site rows match their name, not their count
  interface_pane_->setTitle(tr("Interfaces"));
  interface_filters_->addColumn(InterfaceTableModel::Status, tr("&Status:"));
  interface_filters_->addColumn(InterfaceTableModel::Vlan, tr("V&LAN:"));
  interface_filters_->addColumn(InterfaceTableModel::Auth, tr("A&uth:"));
  interface_pane_->addBar(interface_filters_);
  history_pane_->setObjectName(QStringLiteral("historyPane"));
  history_pane_->setTitle(tr("History"));
  static_cast<QTableView*>(history_pane_->view())->sortByColumn(static_cast<int>(ObjectHistoryColumn::Run),
                                                                 Qt::DescendingOrder);  // newest first

  interface_splitter_->addWidget(interface_pane_);
  interface_splitter_->addWidget(history_pane_);
  interface_splitter_->setChildrenCollapsible(false);
  interface_splitter_->setStretchFactor(0, 3);
  interface_splitter_->setStretchFactor(1, 1);
  splitter_->addWidget(device_pane_);
  splitter_->addWidget(interface_splitter_);
  splitter_->setChildrenCollapsible(false);
  splitter_->setStretchFactor(0, 5);
  splitter_->setStretchFactor(1, 6);

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter_);
  setFocusProxy(device_pane_->view());
  connect(splitter_, &QSplitter::splitterMoved, this, [this] { user_moved_splitter_ = true; });

  connect(device_pane_->view()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &DevicesView::onDeviceSelectionChanged);
  connect(&session_, &StoreSession::interfacesReady, this, &DevicesView::onInterfacesReady);
  connect(interface_pane_->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          &DevicesView::onInterfaceChosen);
  connect(&session_, &StoreSession::historyReady, this, &DevicesView::onHistoryReady);

  // Ctrl+R and each table's context menu open the row's source bytes in the raw log.
  show_raw_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  show_raw_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  show_raw_->setStatusTip(tr("Open the bytes this row was read from in the raw log viewer"));
  addAction(show_raw_);
  connect(show_raw_, &QAction::triggered, this, [this] {
    if (const auto location = currentLocation()) emit showInRawLog(*location);
  });
  for (TablePane* pane : {device_pane_, interface_pane_, history_pane_}) {
    QAbstractItemView* view = pane->view();
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this, pane, view](const QPoint& at) {
      const auto location = locationOf(pane, view->indexAt(at));
      if (!location) return;
      QMenu menu(this);
      QAction* open = menu.addAction(show_raw_->text());
      open->setShortcut(show_raw_->shortcut());
      if (menu.exec(view->viewport()->mapToGlobal(at)) == open) emit showInRawLog(*location);
    });
  }

  // Ctrl+F goes to the filter of the table the user worked in last.
  connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
    for (TablePane* pane : {device_pane_, interface_pane_, history_pane_})
      if (now && pane->isAncestorOf(now)) last_active_pane_ = pane;
  });
}

void DevicesView::showOverview(const StoreOverview& overview) {
  const QString keep = selected_;
  device_model_->resetData(overview.devices);
  device_pane_->fitColumns();
  balanceSplitter();
  emit devicesShown(device_model_->rowCount());

  if (!keep.isEmpty() && selectDevice(keep)) {
    requestInterfaces(keep);  // the new run may have changed its interfaces
    return;
  }
  selected_.clear();
  if (device_pane_->shownRows() > 0) {
    selectFirstDevice();
  } else {
    interface_model_->resetData(InterfaceSnapshot{});
    interface_pane_->setTitle(tr("Interfaces"));
  }
}

bool DevicesView::selectDevice(const QString& hostname) {
  const int source_row = device_model_->rowOf(hostname);
  if (source_row < 0) return false;
  const QModelIndex proxy_index =
      device_pane_->proxy()->mapFromSource(site_model_->indexOfSourceRow(source_row));
  if (!proxy_index.isValid()) return false;
  device_pane_->view()->selectionModel()->setCurrentIndex(
      proxy_index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  device_pane_->view()->scrollTo(proxy_index);
  return true;
}

void DevicesView::selectFirstDevice() {
  const auto* proxy = device_pane_->proxy();
  for (int site = 0; site < proxy->rowCount(); ++site) {
    const QModelIndex first = proxy->index(0, 0, proxy->index(site, 0));
    if (!first.isValid()) continue;
    device_pane_->view()->selectionModel()->setCurrentIndex(
        first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return;
  }
}

QByteArray DevicesView::saveSplitterState() const { return splitter_->saveState(); }

bool DevicesView::restoreSplitterState(const QByteArray& state) {
  if (state.isEmpty() || !splitter_->restoreState(state)) return false;
  splitter_->setProperty(kRestoredSizesProperty, true);  // the user's sizes from last time win over balancing
  return true;
}

void DevicesView::focusFilter() {
  last_active_pane_->filterEdit()->setFocus(Qt::ShortcutFocusReason);
  last_active_pane_->filterEdit()->selectAll();
}

void DevicesView::balanceSplitter() {
  // The user's sizes, moved now or restored from last time (view_layout.h), win over balancing.
  if (user_moved_splitter_ || splitter_->property(kRestoredSizesProperty).toBool() || device_model_->rowCount() == 0)
    return;
  // Devices get what their columns need, as long as the interfaces keep theirs and
  // some room for descriptions; the interfaces never get less than 45%.
  constexpr int kDescriptionRoom = 120;
  const int total = splitter_->width() - splitter_->handleWidth();
  const int interfaces_need = interface_pane_->preferredWidth(kDescriptionRoom, kDescriptionRoom);
  const int devices = std::clamp(std::min(device_pane_->preferredWidth(), total - interfaces_need),
                                 total / 4, total * 55 / 100);
  splitter_->setSizes({devices, total - devices});
}

void DevicesView::onDeviceSelectionChanged() {
  const QModelIndexList rows = device_pane_->view()->selectionModel()->selectedRows();
  if (rows.isEmpty()) return;  // keep showing the last device while the filter hides it
  const QString hostname = rows.first().data(kHostnameRole).toString();
  if (hostname.isEmpty() || hostname == selected_) return;  // a site row: keep the device
  selected_ = hostname;
  interface_pane_->setTitle(tr("Interfaces — %1").arg(hostname));
  clearHistory();
  requestInterfaces(hostname);
}

bool DevicesView::selectInterface(const QString& interface) {
  const auto* proxy = interface_pane_->proxy();
  for (int row = 0; row < proxy->rowCount(); ++row) {
    const QModelIndex index = proxy->index(row, InterfaceTableModel::Name);
    if (index.data().toString() != interface) continue;
    interface_pane_->view()->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    interface_pane_->view()->scrollTo(index);
    return true;
  }
  return false;
}

void DevicesView::onInterfaceChosen() {
  const QModelIndex current = interface_pane_->view()->currentIndex();
  const auto* row =
      current.isValid() ? interface_model_->rowAt(interface_pane_->proxy()->mapToSource(current).row()) : nullptr;
  if (!row || selected_.isEmpty()) return;  // keep the last history while the filter hides its row
  const QString key = QString::fromStdString(row->name);
  if (key == history_key_ && !loading_history_ && history_model_->rowCount() > 0) return;
  history_key_ = key;
  loading_history_ = true;
  history_pane_->setTitle(tr("History — %1").arg(key));
  session_.loadHistory(selected_, QStringLiteral("interface"), key);
}

void DevicesView::onHistoryReady(const HistoryOutcome& outcome) {
  const QString hostname = QString::fromStdString(outcome.hostname);
  const QString key = QString::fromStdString(outcome.key);
  if (hostname != selected_ || key != history_key_) return;  // the user moved on
  loading_history_ = false;
  history_model_->resetData(outcome.entries);  // null (empty) when the read failed
  history_pane_->setTitle(tr("History — %1").arg(key));
  history_pane_->fitColumns(TablePane::Fit::GrowOnly);
  emit historyShown(hostname, key, history_model_->rowCount());
}

void DevicesView::clearHistory() {
  history_key_.clear();
  loading_history_ = false;
  history_model_->resetData(ObjectHistoryModel::Snapshot{});
  history_pane_->setTitle(tr("History"));
}

void DevicesView::requestInterfaces(const QString& hostname) {
  loading_interfaces_ = true;
  session_.loadInterfaces(hostname);
}

std::optional<RawLocation> DevicesView::locationOf(const TablePane* pane, const QModelIndex& proxy_index) const {
  if (!proxy_index.isValid()) return std::nullopt;
  const QModelIndex source = pane->proxy()->mapToSource(proxy_index);
  if (pane == device_pane_) {
    const auto* device = device_model_->rowAt(site_model_->sourceRow(source));
    if (device && device->source) return raw_location(device->run, *device->source);
  } else if (pane == interface_pane_) {
    if (const auto* row = interface_model_->rowAt(source.row())) return raw_location(row->run, row->source);
  } else if (pane == history_pane_) {
    const auto* entry = history_model_->rowAt(source.row());
    if (entry && entry->source) return raw_location(entry->run, *entry->source);
  }
  return std::nullopt;
}

std::optional<RawLocation> DevicesView::currentLocation() const {
  return locationOf(last_active_pane_, last_active_pane_->view()->currentIndex());
}

void DevicesView::onInterfacesReady(const InterfacesOutcome& outcome) {
  const QString hostname = QString::fromStdString(outcome.hostname);
  if (hostname != selected_) return;
  loading_interfaces_ = false;
  const QString kept = history_key_;
  interface_model_->resetData(outcome.interfaces);  // null (empty) when the read failed
  if (interface_model_->rowCount() > 0) {
    interface_pane_->fitColumns(TablePane::Fit::GrowOnly);
    balanceSplitter();
  }
  // A new run of the same device: the chosen interface's history may have grown.
  if (!kept.isEmpty()) {
    history_key_.clear();
    if (!selectInterface(kept)) clearHistory();
  }
  emit interfacesShown(hostname, interface_model_->rowCount());
}

}  // namespace st::ui
