#include "ui/models/site_tree_model.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>
#include <map>

#include "ui/models/device_table_model.h"
#include "ui/models/interface_status.h"
#include "ui/models/natural_sort_proxy.h"
#include "ui/models/table_roles.h"

namespace st::ui {
namespace {

// Device-row columns of this model -> columns of the flat device model.
constexpr DeviceTableModel::Column kSourceColumn[SiteTreeModel::ColumnCount] = {
    DeviceTableModel::Hostname, DeviceTableModel::Model, DeviceTableModel::OsVersion,
    DeviceTableModel::Serial, DeviceTableModel::Uptime, DeviceTableModel::Zone, DeviceTableModel::Location};

// internalId: 0 for site rows, group + 1 for device rows.
constexpr quintptr kSiteId = 0;

QColor blend(const QColor& a, const QColor& b, double t) {
  return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                          static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                          static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

}  // namespace

SiteTreeModel::SiteTreeModel(DeviceTableModel* devices, QObject* parent)
    : QAbstractItemModel(parent), devices_(devices) {
  connect(devices_, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
  connect(devices_, &QAbstractItemModel::modelReset, this, [this] {
    rebuild();
    endResetModel();
  });
  rebuild();
}

void SiteTreeModel::rebuild() {
  groups_.clear();
  position_.assign(static_cast<std::size_t>(devices_->rowCount()), {-1, -1});
  std::map<QString, std::vector<int>, bool (*)(const QString&, const QString&)> by_site(
      [](const QString& a, const QString& b) { return natural_compare(a, b) < 0 || (natural_compare(a, b) == 0 && a < b); });
  for (int row = 0; row < devices_->rowCount(); ++row)
    by_site[QString::fromStdString(devices_->rowAt(row)->site)].push_back(row);
  for (auto& [site, rows] : by_site) {
    const int group = static_cast<int>(groups_.size());
    for (std::size_t child = 0; child < rows.size(); ++child)
      position_[static_cast<std::size_t>(rows[child])] = {group, static_cast<int>(child)};
    groups_.push_back(Group{site, std::move(rows)});
  }
}

bool SiteTreeModel::isSiteRow(const QModelIndex& index) const {
  return index.isValid() && index.model() == this && index.internalId() == kSiteId;
}

int SiteTreeModel::sourceRow(const QModelIndex& index) const {
  if (!index.isValid() || index.model() != this || index.internalId() == kSiteId) return -1;
  const auto group = static_cast<std::size_t>(index.internalId() - 1);
  if (group >= groups_.size() || index.row() >= static_cast<int>(groups_[group].rows.size())) return -1;
  return groups_[group].rows[static_cast<std::size_t>(index.row())];
}

QModelIndex SiteTreeModel::indexOfSourceRow(int source_row) const {
  if (source_row < 0 || static_cast<std::size_t>(source_row) >= position_.size()) return {};
  const auto [group, child] = position_[static_cast<std::size_t>(source_row)];
  return createIndex(child, 0, static_cast<quintptr>(group) + 1);
}

QModelIndex SiteTreeModel::index(int row, int column, const QModelIndex& parent) const {
  if (row < 0 || column < 0 || column >= ColumnCount) return {};
  if (!parent.isValid())
    return row < siteCount() ? createIndex(row, column, kSiteId) : QModelIndex();
  if (!isSiteRow(parent) || parent.column() != 0 || parent.row() >= siteCount()) return {};
  const auto& group = groups_[static_cast<std::size_t>(parent.row())];
  if (row >= static_cast<int>(group.rows.size())) return {};
  return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex SiteTreeModel::parent(const QModelIndex& child) const {
  if (!child.isValid() || child.internalId() == kSiteId) return {};
  return createIndex(static_cast<int>(child.internalId() - 1), 0, kSiteId);
}

int SiteTreeModel::rowCount(const QModelIndex& parent) const {
  if (!parent.isValid()) return siteCount();
  if (!isSiteRow(parent) || parent.column() != 0 || parent.row() >= siteCount()) return 0;
  return static_cast<int>(groups_[static_cast<std::size_t>(parent.row())].rows.size());
}

int SiteTreeModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant SiteTreeModel::siteData(const Group& group, int column, int role) const {
  const QString name = group.site.isEmpty() ? tr("(no site)") : group.site;
  const qsizetype count = static_cast<qsizetype>(group.rows.size());
  const QString devices = count == 1 ? tr("1 device") : tr("%1 devices").arg(count);
  switch (role) {
    case Qt::DisplayRole:
      // The view spans the first column over the row, so the count reads after the name.
      if (column != Name) return {};
      return QString(name + QStringLiteral("  ·  ") + devices);
    case kSortRole:
    case kFilterRole:
      if (column != Name) return {};
      return group.site;
    case Qt::FontRole: {
      QFont font;
      font.setBold(true);
      return font;
    }
    case Qt::BackgroundRole: {
      // A band a little away from the base colour, on light and dark palettes alike.
      const QPalette palette = QGuiApplication::palette();
      return blend(palette.color(QPalette::Base), palette.color(QPalette::Highlight),
                   is_dark_palette(palette) ? 0.28 : 0.14);
    }
    case Qt::ToolTipRole:
      return tr("Site %1: %2").arg(name, devices);
    default:
      return {};
  }
}

QVariant SiteTreeModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  if (isSiteRow(index)) {
    if (index.row() >= siteCount()) return {};
    return siteData(groups_[static_cast<std::size_t>(index.row())], index.column(), role);
  }
  const int row = sourceRow(index);
  if (row < 0) return {};
  const QModelIndex source = devices_->index(row, kSourceColumn[index.column()]);
  if (role == kFilterRole) return devices_->data(source, Qt::DisplayRole);
  return devices_->data(source, role);
}

QVariant SiteTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
  if (section == Name && role == Qt::DisplayRole) return tr("Site / Hostname");
  return devices_->headerData(kSourceColumn[section], orientation, role);
}

}  // namespace st::ui
