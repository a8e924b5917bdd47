// A read-only table over an immutable snapshot of rows, its columns declared as
// (title, cell function) pairs: the health view's tables are all this shape.
// The cell function answers DisplayRole, kSortRole, ToolTipRole, ForegroundRole...
// Sort keys and the row's text for the filter (kRowTextRole) are built once per row and
// snapshot: a sort or a filter over 10,000 diff rows would otherwise format every cell again
// (JSON values included) on each keystroke. The row texts are built ahead in idle slices.
#pragma once

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QString>
#include <QTimer>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "ui/models/table_roles.h"

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
    row_text_.clear();
    sort_keys_.assign(columns_.size(), {});
    ++generation_;
    endResetModel();
    if (snapshot_ && !snapshot_->empty()) warmRowText(generation_, 0);
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
    if (role == kRowTextRole) return index.column() == 0 ? QVariant(rowText(index.row(), *row)) : QVariant();
    if (role == kSortRole) return sortKey(index.row(), index.column(), *row);
    return column.cell(*row, role);
  }
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override {
    if (orientation != Qt::Horizontal || section < 0 || section >= static_cast<int>(columns_.size())) return {};
    if (role == Qt::DisplayRole) return columns_[static_cast<std::size_t>(section)].title;
    if (role == Qt::TextAlignmentRole) return static_cast<int>(columns_[static_cast<std::size_t>(section)].alignment);
    return {};
  }

 private:
  const QString& rowText(int index, const Row& row) const {
    if (row_text_.empty()) row_text_.resize(snapshot_->size());
    QString& text = row_text_[static_cast<std::size_t>(index)];
    if (text.isNull()) {
      text = QStringLiteral("");  // not null: built, even when every cell is empty
      for (const Column& column : columns_) {
        const QVariant cell = column.cell(row, Qt::DisplayRole);
        if (cell.isValid()) text += cell.toString();
        text += QChar(kRowTextSeparator);
      }
    }
    return text;
  }

  const QVariant& sortKey(int index, int column, const Row& row) const {
    auto& keys = sort_keys_[static_cast<std::size_t>(column)];
    if (keys.empty()) keys.resize(snapshot_->size());
    auto& key = keys[static_cast<std::size_t>(index)];
    if (!key) key = columns_[static_cast<std::size_t>(column)].cell(row, kSortRole);
    return *key;
  }

  // Builds row texts for about 5 ms, then yields to the event loop and goes on, until every
  // row has one or a newer snapshot replaced this one.
  void warmRowText(unsigned generation, std::size_t from) {
    QTimer::singleShot(0, this, [this, generation, from] {
      if (generation != generation_ || !snapshot_) return;
      QElapsedTimer slice;
      slice.start();
      std::size_t i = from;
      for (; i < snapshot_->size() && slice.elapsed() < 5; ++i) (void)rowText(static_cast<int>(i), (*snapshot_)[i]);
      if (i < snapshot_->size()) warmRowText(generation, i);
    });
  }

  std::vector<Column> columns_;
  Snapshot snapshot_;
  unsigned generation_ = 0;
  mutable std::vector<QString> row_text_;  // kRowTextRole, built on first use per snapshot
  mutable std::vector<std::vector<std::optional<QVariant>>> sort_keys_;  // per column, per row
};

}  // namespace st::ui
