#include "ui/models/interface_table_model.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QStringList>

#include <optional>
#include <string>
#include <utility>

#include "ui/models/interface_status.h"
#include "ui/models/table_roles.h"

namespace st::ui {
namespace {

QString text(const std::optional<std::string>& value) {
  return value ? QString::fromStdString(*value) : QString();
}

InterfaceState state_of(const store::InterfaceRow& row) {
  return row.status ? classify_interface_status(*row.status) : InterfaceState::Other;
}

}  // namespace

InterfaceTableModel::InterfaceTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void InterfaceTableModel::resetData(InterfaceSnapshot snapshot) {
  beginResetModel();
  snapshot_ = std::move(snapshot);
  endResetModel();
}

void InterfaceTableModel::resetData(std::vector<store::InterfaceRow> rows) {
  resetData(std::make_shared<const std::vector<store::InterfaceRow>>(std::move(rows)));
}

const store::InterfaceRow* InterfaceTableModel::rowAt(int row) const {
  if (!snapshot_ || row < 0 || static_cast<std::size_t>(row) >= snapshot_->size()) return nullptr;
  return &(*snapshot_)[static_cast<std::size_t>(row)];
}

int InterfaceTableModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid() || !snapshot_) return 0;
  return static_cast<int>(snapshot_->size());
}

int InterfaceTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant InterfaceTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  const store::InterfaceRow* row = rowAt(index.row());
  if (!row) return {};

  auto cell = [&]() -> QString {
    switch (index.column()) {
      case Name: return QString::fromStdString(row->name);
      case Status: return text(row->status);
      case Vlan: return text(row->vlan);
      case Duplex: return text(row->duplex);
      case Speed: return text(row->speed);
      case Type: return text(row->type);
      case Description: return text(row->description);
      case Mode: return text(row->port_type ? row->port_type : row->mode);
      case Auth: return text(row->auth_template);
      case Compliance: return text(row->compliance);
      case AuthState: {
        QString state = text(row->auth_state);
        if (row->auth_method) state += QStringLiteral(" (%1)").arg(QString::fromStdString(*row->auth_method));
        return state;
      }
      case Macs: return row->learned_macs ? QString::number(row->learned_macs->size()) : QString();
      default: return {};
    }
  };

  switch (role) {
    case Qt::DisplayRole:
    case kSortRole:
      return cell();
    case Qt::ForegroundRole:
      if (index.column() == Compliance && row->compliance && *row->compliance != "unknown") {
        // The interface palette's colours: a compliant port reads like a connected one, a
        // mismatch like an err-disabled one.
        return interface_state_color(*row->compliance == "match" ? InterfaceState::Connected : InterfaceState::ErrDisabled,
                                     QGuiApplication::palette());
      }
      if (index.column() == Status || index.column() == Name) {
        const InterfaceState state = state_of(*row);
        if (state != InterfaceState::Other)
          return interface_state_color(state, QGuiApplication::palette());
      }
      return {};
    case Qt::DecorationRole:
      if (index.column() == Status && row->status)
        return interface_state_icon(state_of(*row), QGuiApplication::palette());
      return {};
    case Qt::FontRole:
      if (index.column() == Status && state_of(*row) == InterfaceState::ErrDisabled) {
        QFont font;
        font.setBold(true);
        return font;
      }
      return {};
    case Qt::ToolTipRole:
      if (index.column() == Compliance && row->compliance_template) {
        QString tip = tr("held to the %1 template").arg(QString::fromStdString(*row->compliance_template));
        if (!row->missing_auth_commands.empty()) {
          tip += tr("\nmissing:");
          for (const auto& command : row->missing_auth_commands) tip += QStringLiteral("\n  ") + QString::fromStdString(command);
        }
        return tip;
      }
      if (index.column() == Macs && row->learned_macs && !row->learned_macs->empty()) {
        QStringList macs;
        for (const auto& mac : *row->learned_macs) macs << QString::fromStdString(mac);
        return macs.join(u'\n');
      }
      return tr("%1\nfrom %2:%3")
          .arg(QString::fromStdString(row->name_raw), QString::fromStdString(row->source.file))
          .arg(row->source.offset);
    default:
      return {};
  }
}

QVariant InterfaceTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Name: return tr("Name");
    case Status: return tr("Status");
    case Vlan: return tr("VLAN");
    case Duplex: return tr("Duplex");
    case Speed: return tr("Speed");
    case Type: return tr("Type");
    case Description: return tr("Description");
    case Mode: return tr("Mode");
    case Auth: return tr("Auth");
    case Compliance: return tr("Compliance");
    case AuthState: return tr("Session");
    case Macs: return tr("MACs");
    default: return {};
  }
}

}  // namespace st::ui
