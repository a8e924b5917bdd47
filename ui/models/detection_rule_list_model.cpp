#include "ui/models/detection_rule_list_model.h"

#include "ui/models/table_roles.h"

namespace st::ui {

namespace {
constexpr int kColumns = 5;
}

DetectionRuleListModel::DetectionRuleListModel(QObject* parent) : QAbstractTableModel(parent) {}

void DetectionRuleListModel::resetData(const Snapshot& snapshot) {
  beginResetModel();
  rows_ = snapshot ? *snapshot : std::vector<DetectionRuleRow>{};
  endResetModel();
}

const DetectionRuleRow* DetectionRuleListModel::rowAt(int row) const {
  if (row < 0 || row >= static_cast<int>(rows_.size())) return nullptr;
  return &rows_[static_cast<std::size_t>(row)];
}

int DetectionRuleListModel::rowOf(const QString& id) const {
  const std::string key = id.toStdString();
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    if (rows_[i].id == key) return static_cast<int>(i);
  }
  return -1;
}

int DetectionRuleListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int DetectionRuleListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : kColumns; }

QVariant DetectionRuleListModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const DetectionRuleRow& r = rows_[static_cast<std::size_t>(index.row())];
  const auto column = DetectionRuleColumn(index.column());
  if (column == DetectionRuleColumn::Enabled) {
    if (role == Qt::CheckStateRole) return r.enabled ? Qt::Checked : Qt::Unchecked;
    if (role == kSortRole) return r.enabled ? 1 : 0;
    if (role == Qt::ToolTipRole) return tr("Saved in the store at once; ingests and re-detection skip a disabled rule");
    return {};
  }
  if (role != Qt::DisplayRole && role != kSortRole && role != Qt::ToolTipRole) return {};
  switch (column) {
    case DetectionRuleColumn::Id: return QString::fromStdString(r.id);
    case DetectionRuleColumn::Origin:
      return role == Qt::ToolTipRole ? tr("version %1").arg(r.version) : QString::fromStdString(r.origin);
    case DetectionRuleColumn::Severity: return QString::fromStdString(r.severity);
    case DetectionRuleColumn::Title: return QString::fromStdString(r.title);
    case DetectionRuleColumn::Enabled: break;
  }
  return {};
}

QVariant DetectionRuleListModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= kColumns) return {};
  static const char* const kTitles[] = {QT_TR_NOOP("Rule"), QT_TR_NOOP("Origin"), QT_TR_NOOP("On"), QT_TR_NOOP("Severity"),
                                        QT_TR_NOOP("Title")};
  return tr(kTitles[section]);
}

Qt::ItemFlags DetectionRuleListModel::flags(const QModelIndex& index) const {
  Qt::ItemFlags f = QAbstractTableModel::flags(index);
  if (index.isValid() && DetectionRuleColumn(index.column()) == DetectionRuleColumn::Enabled) f |= Qt::ItemIsUserCheckable;
  return f;
}

bool DetectionRuleListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
      DetectionRuleColumn(index.column()) != DetectionRuleColumn::Enabled) {
    return false;
  }
  DetectionRuleRow& r = rows_[static_cast<std::size_t>(index.row())];
  const bool enabled = value.toInt() == Qt::Checked;
  if (r.enabled == enabled) return true;
  r.enabled = enabled;
  emit dataChanged(index, index, {Qt::CheckStateRole});
  emit enabledToggled(QString::fromStdString(r.id), enabled);
  return true;
}

}  // namespace st::ui
