// Sorting and text filtering for the tables: numbers compare as numbers, text in
// natural order (Gi1/0/2 before Gi1/0/10), the filter matches any column.
#pragma once

#include <QSortFilterProxyModel>
#include <QStringView>

namespace st::ui {

// <0, 0, >0 like strcmp; digit runs compare by value, letters case-insensitively.
// (QCollator's numeric mode needs ICU, which not every Qt build has.)
int natural_compare(QStringView a, QStringView b);

class NaturalSortProxy : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  explicit NaturalSortProxy(QObject* parent = nullptr);

 protected:
  bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

}  // namespace st::ui
