#include "ui/models/checklist_model.h"

#include "core/operator_name.h"

namespace st::ui {
namespace {

constexpr int kColumns = 4;

}  // namespace

ChecklistModel::ChecklistModel(QObject* parent) : QAbstractTableModel(parent) {}

void ChecklistModel::resetItems(const insights::Runbook* runbook) {
  beginResetModel();
  items_.clear();
  if (runbook) {
    for (const auto& check : runbook->checks) items_.push_back(Item{check.id, check.text, std::nullopt});
  }
  endResetModel();
}

void ChecklistModel::setMarks(const std::vector<store::ChecklistMark>& marks) {
  for (auto& item : items_) {
    item.mark.reset();
    for (const auto& mark : marks) {
      if (mark.item == item.id) item.mark = mark;
    }
  }
  if (!items_.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, kColumns - 1));
}

const ChecklistModel::Item* ChecklistModel::itemAt(int row) const {
  if (row < 0 || row >= rowCount()) return nullptr;
  return &items_[static_cast<std::size_t>(row)];
}

int ChecklistModel::doneCount() const {
  int done = 0;
  for (const auto& item : items_) done += item.mark && item.mark->done ? 1 : 0;
  return done;
}

int ChecklistModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(items_.size());
}

int ChecklistModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : kColumns; }

QVariant ChecklistModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const Item& item = items_[static_cast<std::size_t>(index.row())];
  switch (static_cast<ChecklistColumn>(index.column())) {
    case ChecklistColumn::Item:
      if (role == Qt::CheckStateRole) return item.mark && item.mark->done ? Qt::Checked : Qt::Unchecked;
      if (role == Qt::DisplayRole) return QString::fromStdString(item.text);
      if (role == Qt::ToolTipRole) return QString::fromStdString(item.id + ": " + item.text);
      return {};
    case ChecklistColumn::Who:
      if (role == Qt::DisplayRole) return item.mark ? QString::fromStdString(item.mark->updated_by) : QString();
      return {};
    case ChecklistColumn::When:
      if (role == Qt::DisplayRole) return item.mark ? QString::fromStdString(item.mark->updated_at) : QString();
      return {};
    case ChecklistColumn::Note:
      if (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::ToolTipRole)
        return item.mark && item.mark->note ? QString::fromStdString(*item.mark->note) : QString();
      return {};
  }
  return {};
}

bool ChecklistModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return false;
  Item& item = items_[static_cast<std::size_t>(index.row())];
  if (role == Qt::EditRole && index.column() == static_cast<int>(ChecklistColumn::Note)) {
    const std::string note = value.toString().trimmed().toStdString();
    if ((item.mark ? item.mark->note.value_or(std::string()) : std::string()) == note) return false;
    // The tick stays as it was; the note and who wrote it when are saved at once.
    item.mark = store::ChecklistMark{item.id, item.mark && item.mark->done, st::operator_name(), st::utc_now_iso(), note};
    emit dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(kColumns - 1));
    emit markChanged(*item.mark);
    return true;
  }
  if (role != Qt::CheckStateRole || index.column() != static_cast<int>(ChecklistColumn::Item)) return false;
  const bool done = value.toInt() == Qt::Checked;
  // The note is kept by the store when none is given.
  item.mark = store::ChecklistMark{item.id, done, st::operator_name(), st::utc_now_iso(), std::nullopt};
  emit dataChanged(index, index.siblingAtColumn(kColumns - 1));
  emit markChanged(*item.mark);
  return true;
}

Qt::ItemFlags ChecklistModel::flags(const QModelIndex& index) const {
  if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return Qt::NoItemFlags;
  Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
  if (index.column() == static_cast<int>(ChecklistColumn::Item)) flags |= Qt::ItemIsUserCheckable;
  if (index.column() == static_cast<int>(ChecklistColumn::Note)) flags |= Qt::ItemIsEditable;
  return flags;
}

QVariant ChecklistModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (static_cast<ChecklistColumn>(section)) {
    case ChecklistColumn::Item: return tr("Check");
    case ChecklistColumn::Who: return tr("Who");
    case ChecklistColumn::When: return tr("When (UTC)");
    case ChecklistColumn::Note: return tr("Note");
  }
  return {};
}

}  // namespace st::ui
