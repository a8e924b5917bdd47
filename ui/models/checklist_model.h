// A runbook's checklist for one incident and device: each item checkable, with a free-text
// note, and who ticked (or unticked) it or wrote the note and when. Toggling an item or editing
// its note records the operator and the time at once and says so (markChanged) so the caller
// saves it.
#pragma once

#include <QAbstractTableModel>

#include <optional>
#include <string>
#include <vector>

#include "insights/runbook.h"
#include "store/checklist_store.h"

namespace st::ui {

enum class ChecklistColumn { Item, Who, When, Note };

class ChecklistModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  struct Item {
    std::string id, text;
    std::optional<store::ChecklistMark> mark;  // nullopt: never touched
  };

  explicit ChecklistModel(QObject* parent = nullptr);

  // The items of `runbook` (none for null), unmarked.
  void resetItems(const insights::Runbook* runbook);
  // The saved marks, by item id; items without one are unmarked.
  void setMarks(const std::vector<store::ChecklistMark>& marks);
  const Item* itemAt(int row) const;
  int doneCount() const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 signals:
  // An item was ticked, unticked or given a note by the operator (operator_name(), utc_now_iso()).
  void markChanged(const st::store::ChecklistMark& mark);

 private:
  std::vector<Item> items_;
};

}  // namespace st::ui
