#include "ui/models/natural_sort_proxy.h"

#include <QVariant>

#include "ui/models/table_roles.h"

namespace st::ui {

NaturalSortProxy::NaturalSortProxy(QObject* parent) : QSortFilterProxyModel(parent) {
  collator_.setNumericMode(true);
  collator_.setCaseSensitivity(Qt::CaseInsensitive);
  setSortRole(kSortRole);
  setFilterKeyColumn(-1);
  setFilterCaseSensitivity(Qt::CaseInsensitive);
  setDynamicSortFilter(true);
}

bool NaturalSortProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
  const QVariant a = left.data(sortRole());
  const QVariant b = right.data(sortRole());
  // Empty cells sort after filled ones in ascending order.
  const bool a_empty = !a.isValid() || a.toString().isEmpty();
  const bool b_empty = !b.isValid() || b.toString().isEmpty();
  if (a_empty != b_empty) return b_empty;
  if (a.typeId() == QMetaType::LongLong && b.typeId() == QMetaType::LongLong)
    return a.toLongLong() < b.toLongLong();
  return collator_.compare(a.toString(), b.toString()) < 0;
}

}  // namespace st::ui
