// Sorting and text filtering for the tables: numbers compare as numbers, text in
// natural order (Gi1/0/2 before Gi1/0/10), the filter matches any column.
#pragma once

#include <QSortFilterProxyModel>
#include <QString>
#include <QStringView>

#include <vector>

#include "ui/models/table_roles.h"

namespace st::ui {

// <0, 0, >0 like strcmp; digit runs compare by value, letters case-insensitively.
// (QCollator's numeric mode needs ICU, which not every Qt build has.)
int natural_compare(QStringView a, QStringView b);

class NaturalSortProxy : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  explicit NaturalSortProxy(QObject* parent = nullptr);

  // Also keeps only rows whose `column` holds exactly `value` in `role` (by default its
  // kSortRole text, which the row models cache: a kind, a severity); an empty value lifts the
  // column's condition. Conditions on several columns all apply. Rows leave and come back
  // without a model reset (sort keys stay cached).
  void setColumnValueFilter(int column, const QString& value, int role = kSortRole);

 protected:
  bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
  // Matches the row's kRowTextRole in one go when the source model offers it (a filter over
  // every column on display text), else asks each cell like QSortFilterProxyModel does.
  bool filterAcceptsRow(int source_row, const QModelIndex& source_parent) const override;

 private:
  struct ValueCondition {
    int column;
    int role;
    QString value;
  };
  std::vector<ValueCondition> conditions_;
};

}  // namespace st::ui
