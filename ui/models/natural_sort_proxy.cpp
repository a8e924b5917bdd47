#include "ui/models/natural_sort_proxy.h"

#include <QVariant>

#include "ui/models/table_roles.h"

namespace st::ui {

int natural_compare(QStringView a, QStringView b) {
  qsizetype i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].isDigit() && b[j].isDigit()) {
      // Compare digit runs by value: skip leading zeros, then longer is larger.
      while (i < a.size() && a[i] == u'0') ++i;
      while (j < b.size() && b[j] == u'0') ++j;
      qsizetype ei = i, ej = j;
      while (ei < a.size() && a[ei].isDigit()) ++ei;
      while (ej < b.size() && b[ej].isDigit()) ++ej;
      if (ei - i != ej - j) return (ei - i) < (ej - j) ? -1 : 1;
      for (; i < ei; ++i, ++j)
        if (a[i] != b[j]) return a[i] < b[j] ? -1 : 1;
      continue;
    }
    const QChar ca = a[i].toCaseFolded(), cb = b[j].toCaseFolded();
    if (ca != cb) return ca < cb ? -1 : 1;
    ++i;
    ++j;
  }
  if (i < a.size()) return 1;
  if (j < b.size()) return -1;
  return 0;
}

NaturalSortProxy::NaturalSortProxy(QObject* parent) : QSortFilterProxyModel(parent) {
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
  const QString sa = a.toString(), sb = b.toString();
  if (const int order = natural_compare(sa, sb); order != 0) return order < 0;
  return sa < sb;  // a stable tie-break for names that differ only in case or zeros
}

void NaturalSortProxy::setColumnValueFilter(int column, const QString& value, int role) {
  std::erase_if(conditions_, [column](const ValueCondition& c) { return c.column == column; });
  if (!value.isEmpty()) conditions_.push_back({column, role, value});
  invalidateFilter();
}

bool NaturalSortProxy::filterAcceptsRow(int source_row, const QModelIndex& source_parent) const {
  for (const ValueCondition& c : conditions_) {
    if (sourceModel()->index(source_row, c.column, source_parent).data(c.role).toString() != c.value) return false;
  }
  if (filterRegularExpression().pattern().isEmpty()) return true;
  if (filterKeyColumn() == -1 && filterRole() == Qt::DisplayRole) {
    const QVariant text = sourceModel()->index(source_row, 0, source_parent).data(kRowTextRole);
    if (text.isValid()) return filterRegularExpression().match(text.toString()).hasMatch();
  }
  return QSortFilterProxyModel::filterAcceptsRow(source_row, source_parent);
}

}  // namespace st::ui
