// A titled table with its own filter box and a "shown of total" count: the building
// block of the devices view's two halves.
#pragma once

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QTableView;

namespace st::ui {

class NaturalSortProxy;

class TablePane : public QWidget {
  Q_OBJECT

 public:
  TablePane(QAbstractItemModel* source, const QString& filter_placeholder, QWidget* parent = nullptr);

  void setTitle(const QString& title);
  enum class Fit { Exact, GrowOnly };
  // Sizes columns to their contents within sensible bounds; the last column stretches.
  // GrowOnly never narrows a column (keeps the user's widths across snapshots).
  void fitColumns(Fit fit = Fit::Exact);
  // The width that shows every column; the last (stretching) one gets its content
  // width bounded to [min_last, max_last].
  int preferredWidth(int min_last = 0, int max_last = 400) const;

  QTableView* view() const { return view_; }
  QLineEdit* filterEdit() const { return filter_; }
  NaturalSortProxy* proxy() const { return proxy_; }
  QLabel* titleLabel() const { return title_; }

 private:
  void updateCount();

  QAbstractItemModel* source_;
  NaturalSortProxy* proxy_;
  QLabel* title_;
  QLabel* count_;
  QLineEdit* filter_;
  QTableView* view_;
  bool columns_fitted_ = false;
};

}  // namespace st::ui
