// A read-only table over an immutable snapshot of rows, its columns declared as
// (title, cell function) pairs: the health view's tables are all this shape.
// The cell function answers DisplayRole, kSortRole, ToolTipRole, ForegroundRole...
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace st::ui {

template <class Row>
class RowTableModel : public QAbstractTableModel {
 public:
  using Snapshot = std::shared_ptr<const std::vector<Row>>;
  struct Column {
    QString title;
    std::function<QVariant(const Row&, int role)> cell;
    Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter;
  };

  explicit RowTableModel(std::vector<Column> columns, QObject* parent = nullptr)
      : QAbstractTableModel(parent), columns_(std::move(columns)) {}

  void resetData(Snapshot snapshot) {
    beginResetModel();
    snapshot_ = std::move(snapshot);
    endResetModel();
  }
  void resetData(std::vector<Row> rows) {
    resetData(std::make_shared<const std::vector<Row>>(std::move(rows)));
  }
  const Row* rowAt(int row) const {
    if (!snapshot_ || row < 0 || row >= static_cast<int>(snapshot_->size())) return nullptr;
    return &(*snapshot_)[static_cast<std::size_t>(row)];
  }

  int rowCount(const QModelIndex& parent = {}) const override {
    return parent.isValid() || !snapshot_ ? 0 : static_cast<int>(snapshot_->size());
  }
  int columnCount(const QModelIndex& parent = {}) const override {
    return parent.isValid() ? 0 : static_cast<int>(columns_.size());
  }
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row* row = rowAt(index.row());
    if (!row) return {};
    const Column& column = columns_[static_cast<std::size_t>(index.column())];
    if (role == Qt::TextAlignmentRole) return static_cast<int>(column.alignment);
    return column.cell(*row, role);
  }
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override {
    if (orientation != Qt::Horizontal || section < 0 || section >= static_cast<int>(columns_.size())) return {};
    if (role == Qt::DisplayRole) return columns_[static_cast<std::size_t>(section)].title;
    if (role == Qt::TextAlignmentRole) return static_cast<int>(columns_[static_cast<std::size_t>(section)].alignment);
    return {};
  }

 private:
  std::vector<Column> columns_;
  Snapshot snapshot_;
};

}  // namespace st::ui
