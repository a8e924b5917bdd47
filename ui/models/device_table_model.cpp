#include "ui/models/device_table_model.h"

#include <QFont>
#include <QStringList>

#include <cctype>
#include <optional>
#include <string>
#include <utility>

#include "ui/models/table_roles.h"

namespace st::ui {
namespace {

QString text(const std::optional<std::string>& value) {
  return value ? QString::fromStdString(*value) : QString();
}

long long unit_minutes(std::string_view unit) {
  if (unit.starts_with("year")) return 365LL * 24 * 60;
  if (unit.starts_with("week")) return 7LL * 24 * 60;
  if (unit.starts_with("day")) return 24LL * 60;
  if (unit.starts_with("hour")) return 60;
  if (unit.starts_with("minute")) return 1;
  return 0;  // seconds and anything unknown
}

}  // namespace

long long uptime_minutes(std::string_view uptime) {
  long long total = 0;
  bool recognised = false;
  std::size_t i = 0;
  while (i < uptime.size()) {
    if (!std::isdigit(static_cast<unsigned char>(uptime[i]))) {
      ++i;
      continue;
    }
    long long number = 0;
    while (i < uptime.size() && std::isdigit(static_cast<unsigned char>(uptime[i])))
      number = number * 10 + (uptime[i++] - '0');
    while (i < uptime.size() && uptime[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < uptime.size() && std::isalpha(static_cast<unsigned char>(uptime[i]))) ++i;
    const std::string_view unit = uptime.substr(start, i - start);
    if (!unit.empty()) {
      recognised = true;
      total += number * unit_minutes(unit);
    }
  }
  return recognised ? total : -1;
}

QString compact_uptime(long long minutes) {
  struct Unit {
    long long minutes;
    char16_t suffix;
  };
  static constexpr Unit units[] = {{525600, u'y'}, {10080, u'w'}, {1440, u'd'}, {60, u'h'}, {1, u'm'}};
  // The two units from the largest non-zero one; a zero second unit is left out.
  QStringList parts;
  int shown = 0;
  for (const Unit& unit : units) {
    const long long count = minutes / unit.minutes;
    minutes %= unit.minutes;
    if (parts.isEmpty() && count == 0) continue;
    if (count > 0) parts << QString::number(count) + QChar(unit.suffix);
    if (++shown == 2) break;
  }
  return parts.isEmpty() ? QStringLiteral("0m") : parts.join(u' ');
}

DeviceTableModel::DeviceTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void DeviceTableModel::resetData(DeviceSnapshot snapshot) {
  beginResetModel();
  snapshot_ = std::move(snapshot);
  endResetModel();
}

void DeviceTableModel::resetData(std::vector<store::DeviceRow> rows) {
  resetData(std::make_shared<const std::vector<store::DeviceRow>>(std::move(rows)));
}

const store::DeviceRow* DeviceTableModel::rowAt(int row) const {
  if (!snapshot_ || row < 0 || static_cast<std::size_t>(row) >= snapshot_->size()) return nullptr;
  return &(*snapshot_)[static_cast<std::size_t>(row)];
}

int DeviceTableModel::rowOf(const QString& hostname) const {
  if (!snapshot_) return -1;
  const std::string wanted = hostname.toStdString();
  for (std::size_t i = 0; i < snapshot_->size(); ++i)
    if ((*snapshot_)[i].hostname == wanted) return static_cast<int>(i);
  return -1;
}

int DeviceTableModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid() || !snapshot_) return 0;
  return static_cast<int>(snapshot_->size());
}

int DeviceTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeviceTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  const store::DeviceRow* device = rowAt(index.row());
  if (!device) return {};

  auto cell = [&]() -> QString {
    switch (index.column()) {
      case Hostname: return QString::fromStdString(device->hostname);
      case Site: return QString::fromStdString(device->site);
      case Model: return text(device->model);
      case OsVersion: return text(device->os_version);
      case Serial: return text(device->serial);
      case Uptime: {
        if (!device->uptime) return {};
        const long long minutes = uptime_minutes(*device->uptime);
        return minutes >= 0 ? compact_uptime(minutes) : text(device->uptime);
      }
      case Zone: return text(device->zone);
      case Location: {
        QStringList parts;
        if (device->building) parts << QString::fromStdString(*device->building);
        if (device->floor) parts << tr("floor %1").arg(QString::fromStdString(*device->floor));
        if (device->room) parts << tr("room %1").arg(QString::fromStdString(*device->room));
        if (device->row) parts << tr("row %1").arg(QString::fromStdString(*device->row));
        if (device->rack) parts << tr("rack %1").arg(QString::fromStdString(*device->rack));
        if (parts.isEmpty()) return text(device->location);  // free text, as configured
        return parts.join(QStringLiteral(" · "));
      }
      default: return {};
    }
  };

  switch (role) {
    case Qt::DisplayRole:
      return cell();
    case kSortRole:
      if (index.column() == Uptime && device->uptime) {
        if (const long long minutes = uptime_minutes(*device->uptime); minutes >= 0)
          return QVariant::fromValue(minutes);
      }
      return cell();
    case kHostnameRole:
      return QString::fromStdString(device->hostname);
    case Qt::FontRole:
      if (index.column() == Hostname) {
        QFont font;
        font.setBold(true);
        return font;
      }
      return {};
    case Qt::ToolTipRole: {
      QString tip = QString::fromStdString(device->hostname);
      if (device->vendor || device->platform)
        tip += QStringLiteral("\n") + text(device->vendor) + QStringLiteral(" ") + text(device->platform);
      if (device->uptime) tip += QStringLiteral("\n") + tr("up %1").arg(text(device->uptime));
      if (device->source)
        tip += QStringLiteral("\n") +
               tr("from %1:%2").arg(QString::fromStdString(device->source->file)).arg(device->source->offset);
      tip += QStringLiteral("\n") + tr("run %1").arg(device->run.value);
      return tip;
    }
    default:
      return {};
  }
}

QVariant DeviceTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Hostname: return tr("Hostname");
    case Site: return tr("Site");
    case Model: return tr("Model");
    case OsVersion: return tr("OS version");
    case Serial: return tr("Serial");
    case Uptime: return tr("Uptime");
    case Zone: return tr("Zone");
    case Location: return tr("Location");
    default: return {};
  }
}

}  // namespace st::ui
