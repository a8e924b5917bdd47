// A titled table (or grouped tree) with its own filter box and a "shown of total"
// count: the building block of the devices view's two halves. In a tree, the count
// and the filter are about the second level (devices under their sites).
#pragma once

#include <QWidget>

class QAbstractItemModel;
class QAbstractItemView;
class QHeaderView;
class QLabel;
class QLineEdit;

namespace st::ui {

class NaturalSortProxy;

class TablePane : public QWidget {
  Q_OBJECT

 public:
  enum class Kind { Table, Tree };
  TablePane(QAbstractItemModel* source, const QString& filter_placeholder, QWidget* parent = nullptr,
            Kind kind = Kind::Table);

  void setTitle(const QString& title);
  // A row of extra controls (value filters) between the title row and the table.
  void addBar(QWidget* bar);
  enum class Fit { Exact, GrowOnly };
  // Sizes columns to their contents within sensible bounds; the last column stretches.
  // GrowOnly never narrows a column (keeps the user's widths across snapshots).
  void fitColumns(Fit fit = Fit::Exact);
  // The width that shows every column; the last (stretching) one gets its content
  // width bounded to [min_last, max_last].
  int preferredWidth(int min_last = 0, int max_last = 400) const;

  // A QTableView (Kind::Table) or a QTreeView (Kind::Tree).
  QAbstractItemView* view() const { return view_; }
  QHeaderView* header() const;
  // Rows shown: table rows, or second-level rows of a tree.
  int shownRows() const;
  QLineEdit* filterEdit() const { return filter_; }
  NaturalSortProxy* proxy() const { return proxy_; }
  QLabel* titleLabel() const { return title_; }

 private:
  static constexpr int kFitSampleRows = 150;
  void updateCount();
  int totalRows() const;
  int contentHeight() const;

  QAbstractItemModel* source_;
  NaturalSortProxy* proxy_;
  QLabel* title_;
  QLabel* count_;
  QLineEdit* filter_;
  Kind kind_;
  QAbstractItemView* view_;
  bool columns_fitted_ = false;
};

}  // namespace st::ui
