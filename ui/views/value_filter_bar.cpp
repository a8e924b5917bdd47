#include "ui/views/value_filter_bar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSet>
#include <QSignalBlocker>
#include <QStringList>

#include <algorithm>

#include "ui/models/natural_sort_proxy.h"

namespace st::ui {

ValueFilterBar::ValueFilterBar(NaturalSortProxy* proxy, QWidget* parent)
    : QWidget(parent), proxy_(proxy), layout_(new QHBoxLayout(this)) {
  layout_->setContentsMargins(0, 0, 0, 0);
  layout_->addStretch(1);
  QAbstractItemModel* source = proxy_->sourceModel();
  connect(source, &QAbstractItemModel::modelReset, this, &ValueFilterBar::refill);
  connect(source, &QAbstractItemModel::rowsInserted, this, &ValueFilterBar::refill);
  connect(source, &QAbstractItemModel::rowsRemoved, this, &ValueFilterBar::refill);
}

QComboBox* ValueFilterBar::addColumn(int column, const QString& label) {
  auto* text = new QLabel(label, this);
  auto* combo = new QComboBox(this);
  combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  combo->setObjectName(QStringLiteral("valueFilter%1").arg(column));
  text->setBuddy(combo);
  const int at = layout_->count() - 1;  // before the stretch
  layout_->insertWidget(at, text);
  layout_->insertWidget(at + 1, combo);
  entries_.push_back({column, combo});
  connect(combo, &QComboBox::currentIndexChanged, this, [this, column] {
    for (const Entry& e : entries_) {
      if (e.column == column) apply(e);
    }
  });
  refill();
  return combo;
}

QComboBox* ValueFilterBar::comboFor(int column) const {
  for (const Entry& e : entries_) {
    if (e.column == column) return e.combo;
  }
  return nullptr;
}

bool ValueFilterBar::choose(int column, const QString& value) {
  QComboBox* combo = comboFor(column);
  if (!combo) return false;
  int index = combo->findData(value);
  if (index < 0) {
    combo->addItem(value, value);
    index = combo->count() - 1;
  }
  combo->setCurrentIndex(index);
  return true;
}

void ValueFilterBar::clear() {
  for (const Entry& e : entries_) e.combo->setCurrentIndex(0);
}

void ValueFilterBar::refill() {
  const QAbstractItemModel* source = proxy_->sourceModel();
  for (const Entry& e : entries_) {
    QSet<QString> seen;
    QStringList values;
    for (int row = 0; row < source->rowCount(); ++row) {
      const QString value = source->index(row, e.column).data(Qt::DisplayRole).toString();
      if (!value.isEmpty() && !seen.contains(value)) {
        seen.insert(value);
        values.push_back(value);
      }
    }
    const QString chosen = e.combo->currentData().toString();
    if (!chosen.isEmpty() && !seen.contains(chosen)) values.push_back(chosen);
    std::sort(values.begin(), values.end(), [](const QString& a, const QString& b) { return natural_compare(a, b) < 0; });
    const QSignalBlocker quiet(e.combo);  // the proxy's condition does not change
    e.combo->clear();
    e.combo->addItem(tr("Any"), QString());
    for (const QString& value : values) e.combo->addItem(value, value);
    e.combo->setCurrentIndex(std::max(0, e.combo->findData(chosen)));
  }
}

void ValueFilterBar::apply(const Entry& entry) {
  proxy_->setColumnValueFilter(entry.column, entry.combo->currentData().toString(), Qt::DisplayRole);
  emit changed();
}

}  // namespace st::ui
