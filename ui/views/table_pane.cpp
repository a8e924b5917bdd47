#include "ui/views/table_pane.h"

#include <QAbstractItemModel>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/models/natural_sort_proxy.h"

namespace st::ui {

TablePane::TablePane(QAbstractItemModel* source, const QString& filter_placeholder, QWidget* parent)
    : QWidget(parent),
      source_(source),
      proxy_(new NaturalSortProxy(this)),
      title_(new QLabel(this)),
      count_(new QLabel(this)),
      filter_(new QLineEdit(this)),
      view_(new QTableView(this)) {
  proxy_->setSourceModel(source_);

  QFont title_font = title_->font();
  title_font.setBold(true);
  title_font.setPointSizeF(title_font.pointSizeF() * 1.1);
  title_->setFont(title_font);
  count_->setForegroundRole(QPalette::PlaceholderText);

  filter_->setPlaceholderText(filter_placeholder);
  filter_->setClearButtonEnabled(true);
  connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);

  view_->setModel(proxy_);
  view_->setSortingEnabled(true);
  view_->sortByColumn(0, Qt::AscendingOrder);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setSelectionMode(QAbstractItemView::SingleSelection);
  view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view_->setAlternatingRowColors(true);
  view_->setWordWrap(false);
  view_->setTextElideMode(Qt::ElideRight);
  view_->setShowGrid(false);
  view_->verticalHeader()->hide();
  view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 8);
  view_->horizontalHeader()->setHighlightSections(false);
  view_->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  view_->horizontalHeader()->setStretchLastSection(true);

  connect(proxy_, &QAbstractItemModel::modelReset, this, &TablePane::updateCount);
  connect(proxy_, &QAbstractItemModel::layoutChanged, this, &TablePane::updateCount);
  connect(proxy_, &QAbstractItemModel::rowsInserted, this, &TablePane::updateCount);
  connect(proxy_, &QAbstractItemModel::rowsRemoved, this, &TablePane::updateCount);

  auto* header = new QHBoxLayout;
  header->addWidget(title_);
  header->addStretch(1);
  header->addWidget(count_);
  header->addWidget(filter_, 1);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addLayout(header);
  layout->addWidget(view_, 1);
  updateCount();
}

void TablePane::setTitle(const QString& title) { title_->setText(title); }

void TablePane::fitColumns() {
  constexpr int kMinWidth = 56;
  constexpr int kMaxWidth = 280;
  auto* header = view_->horizontalHeader();
  const int columns = proxy_->columnCount();
  for (int column = 0; column < columns - 1; ++column) {
    view_->resizeColumnToContents(column);
    header->resizeSection(column, std::clamp(header->sectionSize(column) + 12, kMinWidth, kMaxWidth));
  }
}

void TablePane::updateCount() {
  const int shown = proxy_->rowCount();
  const int total = source_->rowCount();
  count_->setText(shown == total ? tr("%n row(s)", nullptr, total)
                                 : tr("%1 of %2").arg(shown).arg(total));
}

}  // namespace st::ui
