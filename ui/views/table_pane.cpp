#include "ui/views/table_pane.h"

#include <QAbstractItemModel>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLayout>
#include <QLabel>
#include <QFontMetrics>
#include <QLineEdit>
#include <QScrollBar>
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
  layout->setContentsMargins(4, 6, 4, 4);
  layout->addLayout(header);
  layout->addWidget(view_, 1);
  updateCount();
}

void TablePane::setTitle(const QString& title) { title_->setText(title); }

void TablePane::fitColumns(Fit fit) {
  constexpr int kMaxWidth = 240;
  constexpr int kPadding = 12;
  auto* header = view_->horizontalHeader();
  const QFontMetrics metrics = header->fontMetrics();
  // QTableView hides sizeHintForColumn; QAbstractItemView publishes it.
  const QAbstractItemView* item_view = view_;
  const bool grow_only = fit == Fit::GrowOnly && columns_fitted_;
  const int columns = proxy_->columnCount();
  for (int column = 0; column < columns - 1; ++column) {
    // The header's own size hint reserves room for a sort arrow on every column;
    // the title's width is enough (the arrow may overlap the padding).
    const int title = metrics.horizontalAdvance(
        proxy_->headerData(column, Qt::Horizontal).toString()) + kPadding;
    int width = std::min(std::max(item_view->sizeHintForColumn(column) + 2, title), kMaxWidth);
    if (grow_only) width = std::max(width, header->sectionSize(column));
    header->resizeSection(column, width);
  }
  // The last column stretches over the rest, but never below its own section size:
  // keep that small, or a narrow pane scrolls sideways for nothing.
  if (columns > 0) header->resizeSection(columns - 1, header->minimumSectionSize());
  columns_fitted_ = columns_fitted_ || proxy_->rowCount() > 0;
}

int TablePane::preferredWidth(int min_last, int max_last) const {
  const auto* header = view_->horizontalHeader();
  const int last = header->count() - 1;
  if (last < 0) return 0;
  const QAbstractItemView* item_view = view_;
  const int title = header->fontMetrics().horizontalAdvance(
      proxy_->headerData(last, Qt::Horizontal).toString()) + 12;
  int width = std::clamp(std::max(item_view->sizeHintForColumn(last) + 2, title), min_last,
                         std::max(min_last, max_last));
  for (int column = 0; column < last; ++column) width += header->sectionSize(column);
  const int margins = layout()->contentsMargins().left() + layout()->contentsMargins().right();
  // Room for a vertical scroll bar only when the rows will need one.
  const int rows_height = view_->verticalHeader()->length() + view_->horizontalHeader()->height();
  const int scroll_bar = rows_height > view_->viewport()->height() ? view_->verticalScrollBar()->sizeHint().width() : 0;
  return width + margins + 2 * view_->frameWidth() + scroll_bar;
}

void TablePane::updateCount() {
  const int shown = proxy_->rowCount();
  const int total = source_->rowCount();
  if (shown != total) count_->setText(tr("%1 of %2").arg(shown).arg(total));
  else count_->setText(total == 1 ? tr("1 row") : tr("%1 rows").arg(total));
}

}  // namespace st::ui
