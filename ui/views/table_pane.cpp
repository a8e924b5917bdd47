#include "ui/views/table_pane.h"

#include <QAbstractItemModel>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLayout>
#include <QLabel>
#include <QFontMetrics>
#include <QLineEdit>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/models/natural_sort_proxy.h"

namespace st::ui {
namespace {

// QTreeView has no vertical header to set a row height on: the delegate gives tree
// rows the same height as table rows, so both halves of a view line up.
class RowHeightDelegate : public QStyledItemDelegate {
 public:
  RowHeightDelegate(int height, QObject* parent) : QStyledItemDelegate(parent), height_(height) {}
  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), height_));
    return size;
  }

 private:
  int height_;
};

}  // namespace

TablePane::TablePane(QAbstractItemModel* source, const QString& filter_placeholder, QWidget* parent,
                     Kind kind)
    : QWidget(parent),
      source_(source),
      proxy_(new NaturalSortProxy(this)),
      title_(new QLabel(this)),
      count_(new QLabel(this)),
      filter_(new QLineEdit(this)),
      kind_(kind),
      view_(kind == Kind::Tree ? static_cast<QAbstractItemView*>(new QTreeView(this))
                               : static_cast<QAbstractItemView*>(new QTableView(this))) {
  proxy_->setSourceModel(source_);
  if (kind_ == Kind::Tree) {
    // A group row stays while any child matches; a matching group shows all its children.
    proxy_->setRecursiveFilteringEnabled(true);
    proxy_->setAutoAcceptChildRows(true);
  }

  QFont title_font = title_->font();
  title_font.setBold(true);
  title_font.setPointSizeF(title_font.pointSizeF() * 1.1);
  title_->setFont(title_font);
  count_->setForegroundRole(QPalette::PlaceholderText);

  filter_->setPlaceholderText(filter_placeholder);
  filter_->setClearButtonEnabled(true);
  connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);

  view_->setModel(proxy_);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setSelectionMode(QAbstractItemView::SingleSelection);
  view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view_->setAlternatingRowColors(true);
  view_->setTextElideMode(Qt::ElideRight);
  if (auto* table = qobject_cast<QTableView*>(view_)) {
    table->setSortingEnabled(true);
    table->sortByColumn(0, Qt::AscendingOrder);
    table->setWordWrap(false);
    table->setShowGrid(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
  } else if (auto* tree = qobject_cast<QTreeView*>(view_)) {
    tree->setSortingEnabled(true);
    tree->sortByColumn(0, Qt::AscendingOrder);
    tree->setWordWrap(false);
    tree->setUniformRowHeights(true);
    tree->setItemDelegate(new RowHeightDelegate(tree->fontMetrics().height() + 8, tree));
    tree->setAllColumnsShowFocus(true);
    tree->setIndentation(tree->fontMetrics().height());
    tree->setExpandsOnDoubleClick(true);
    // Group rows read as one line ("HQ  ·  3 devices") over all columns, and open.
    auto span_groups = [this, tree](const QModelIndex& group_parent, int first, int last) {
      if (group_parent.isValid()) return;
      for (int row = first; row <= last; ++row) {
        tree->setFirstColumnSpanned(row, QModelIndex(), true);
        tree->expand(proxy_->index(row, 0));
      }
    };
    auto span_all = [this, span_groups] {
      if (proxy_->rowCount() > 0) span_groups(QModelIndex(), 0, proxy_->rowCount() - 1);
    };
    connect(proxy_, &QAbstractItemModel::modelReset, this, span_all);
    connect(proxy_, &QAbstractItemModel::layoutChanged, this, span_all);
    connect(proxy_, &QAbstractItemModel::rowsInserted, this, span_groups);
  }
  header()->setHighlightSections(false);
  header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  header()->setStretchLastSection(true);
  // Column widths come from the rows on screen and this many more: Qt's default (1,000 rows
  // per column, text shaped for each) froze the window for a quarter second on a 10,000-row
  // diff, for widths that kMaxWidth caps anyway.
  header()->setResizeContentsPrecision(kFitSampleRows);

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

QHeaderView* TablePane::header() const {
  if (auto* tree = qobject_cast<QTreeView*>(view_)) return tree->header();
  return static_cast<QTableView*>(view_)->horizontalHeader();
}

namespace {
int second_level_rows(const QAbstractItemModel& model) {
  int rows = 0;
  for (int row = 0; row < model.rowCount(); ++row) rows += model.rowCount(model.index(row, 0));
  return rows;
}
}  // namespace

int TablePane::shownRows() const {
  return kind_ == Kind::Tree ? second_level_rows(*proxy_) : proxy_->rowCount();
}

int TablePane::totalRows() const {
  return kind_ == Kind::Tree ? second_level_rows(*source_) : source_->rowCount();
}

int TablePane::contentHeight() const {
  if (auto* table = qobject_cast<QTableView*>(view_))
    return table->verticalHeader()->length() + table->horizontalHeader()->height();
  const int rows = proxy_->rowCount() + shownRows();
  return rows * std::max(1, view_->sizeHintForRow(0)) + header()->height();
}

void TablePane::fitColumns(Fit fit) {
  constexpr int kMaxWidth = 240;
  constexpr int kPadding = 12;
  auto* header = this->header();
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

void TablePane::addBar(QWidget* bar) {
  static_cast<QVBoxLayout*>(layout())->insertWidget(1, bar);
}

int TablePane::preferredWidth(int min_last, int max_last) const {
  const auto* header = this->header();
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
  const int rows_height = contentHeight();
  const int scroll_bar = rows_height > view_->viewport()->height() ? view_->verticalScrollBar()->sizeHint().width() : 0;
  return width + margins + 2 * view_->frameWidth() + scroll_bar;
}

void TablePane::updateCount() {
  const int shown = shownRows();
  const int total = totalRows();
  if (shown != total) count_->setText(tr("%1 of %2").arg(shown).arg(total));
  else count_->setText(total == 1 ? tr("1 row") : tr("%1 rows").arg(total));
}

}  // namespace st::ui
