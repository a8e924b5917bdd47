// Sorting and text filtering for the tables: numbers compare as numbers, text in
// natural order (Gi1/0/2 before Gi1/0/10), the filter matches any column.
#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>

namespace st::ui {

class NaturalSortProxy : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  explicit NaturalSortProxy(QObject* parent = nullptr);

 protected:
  bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

 private:
  QCollator collator_;
};

}  // namespace st::ui
