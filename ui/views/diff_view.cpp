#include "ui/views/diff_view.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QStringList>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

#include "diff/diff_kind.h"
#include "ui/models/natural_sort_proxy.h"
#include "ui/store_session.h"
#include "ui/views/table_pane.h"

namespace st::ui {

DiffView::DiffView(StoreSession& session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      change_model_(make_diff_change_model(this)),
      field_model_(make_field_change_model(this)),
      change_pane_(new TablePane(change_model_, tr("Filter changes (device, key, value…)"), this)),
      field_pane_(new TablePane(field_model_, tr("Filter fields"), this)),
      from_box_(new QComboBox(this)),
      to_box_(new QComboBox(this)),
      kind_box_(new QComboBox(this)),
      device_box_(new QComboBox(this)),
      last_box_(new QSpinBox(this)),
      volatile_box_(new QCheckBox(tr("Include volatile fields (counters, readings, uptime)"), this)),
      summary_(new QLabel(this)),
      splitter_(new QSplitter(Qt::Vertical, this)),
      show_raw_(new QAction(tr("Show in Raw Log"), this)) {
  setObjectName(QStringLiteral("diffView"));
  change_pane_->setObjectName(QStringLiteral("diffChangePane"));
  field_pane_->setObjectName(QStringLiteral("diffFieldPane"));
  from_box_->setObjectName(QStringLiteral("diffFromRun"));
  to_box_->setObjectName(QStringLiteral("diffToRun"));
  kind_box_->setObjectName(QStringLiteral("diffKind"));
  device_box_->setObjectName(QStringLiteral("diffDevice"));
  last_box_->setObjectName(QStringLiteral("diffLastCaptures"));
  device_box_->addItem(tr("All devices: two runs"), QString());
  // Hostnames vary in length: a fixed width keeps the bar (and the window's minimum) narrow.
  device_box_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  device_box_->setMinimumContentsLength(16);
  last_box_->setRange(2, 30);
  last_box_->setValue(5);
  last_box_->setSuffix(tr(" captures"));
  last_box_->setPrefix(tr("last "));
  last_box_->setEnabled(false);
  change_pane_->setTitle(tr("Changed objects"));
  field_pane_->setTitle(tr("Fields: old and new"));

  kind_box_->addItem(tr("All kinds"), QString());
  for (const auto& kind : diff::diff_kinds()) {
    const QString name = QString::fromStdString(kind.name);
    kind_box_->addItem(name, name);
  }
  summary_->setTextFormat(Qt::RichText);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  // The device chooser on a row of its own: the run row is as wide as a small window already.
  auto* device_bar = new QHBoxLayout;
  device_bar->addWidget(new QLabel(tr("Device"), this));
  device_bar->addWidget(device_box_);
  device_bar->addWidget(last_box_);
  device_bar->addStretch(1);
  auto* bar = new QHBoxLayout;
  bar->addWidget(new QLabel(tr("Run"), this));
  bar->addWidget(to_box_);
  bar->addWidget(new QLabel(tr("against"), this));
  bar->addWidget(from_box_);
  bar->addSpacing(12);
  bar->addWidget(new QLabel(tr("Kind"), this));
  bar->addWidget(kind_box_);
  bar->addSpacing(12);
  bar->addWidget(volatile_box_);
  bar->addStretch(1);

  splitter_->addWidget(change_pane_);
  splitter_->addWidget(field_pane_);
  splitter_->setChildrenCollapsible(false);
  splitter_->setStretchFactor(0, 3);
  splitter_->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 0);
  layout->addLayout(device_bar);
  layout->addLayout(bar);
  layout->addWidget(summary_);
  layout->addWidget(splitter_, 1);

  auto runs_changed = [this] {
    if (!filling_) request();
  };
  connect(from_box_, &QComboBox::currentIndexChanged, this, runs_changed);
  connect(to_box_, &QComboBox::currentIndexChanged, this, runs_changed);
  connect(volatile_box_, &QCheckBox::toggled, this, runs_changed);
  connect(device_box_, &QComboBox::currentIndexChanged, this, runs_changed);
  connect(last_box_, &QSpinBox::valueChanged, this, runs_changed);
  connect(kind_box_, &QComboBox::currentIndexChanged, this, [this] { applyKindFilter(); });
  connect(&session_, &StoreSession::diffReady, this, &DiffView::onDiffReady);
  connect(change_pane_->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this] { onCurrentChanged(); });

  show_raw_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  show_raw_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  show_raw_->setStatusTip(tr("Open the selected change's row in the raw log viewer"));
  addAction(show_raw_);
  connect(show_raw_, &QAction::triggered, this, [this] {
    if (const auto location = currentLocation()) emit showInRawLog(*location);
  });
  QAbstractItemView* view = change_pane_->view();
  connect(view, &QAbstractItemView::doubleClicked, this, [this] {
    if (const auto location = currentLocation()) emit showInRawLog(*location);
  });
  view->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint& at) {
    if (!view->indexAt(at).isValid()) return;
    QMenu menu(this);
    menu.addAction(show_raw_);
    show_raw_->setEnabled(currentLocation().has_value());
    menu.exec(view->viewport()->mapToGlobal(at));
    show_raw_->setEnabled(true);
  });
}

void DiffView::refresh() {
  loading_ = true;
  session_.loadDiff(std::nullopt, std::nullopt, volatile_box_->isChecked());
}

void DiffView::showRuns(RunId from, RunId to) {
  from_ = from;
  to_ = to;
  loading_ = true;
  {
    const QSignalBlocker quiet(device_box_);
    device_box_->setCurrentIndex(0);
  }
  session_.loadDiff(from, to, volatile_box_->isChecked());
}

void DiffView::showDeviceCaptures(const QString& hostname, int last) {
  {
    const QSignalBlocker quiet_device(device_box_);
    const QSignalBlocker quiet_last(last_box_);
    int index = device_box_->findData(hostname);
    if (index < 0 && !hostname.isEmpty()) {
      device_box_->addItem(hostname, hostname);
      index = device_box_->count() - 1;
    }
    device_box_->setCurrentIndex(std::max(0, index));
    last_box_->setValue(last);
  }
  request();
}

QString DiffView::device() const { return device_box_->currentData().toString(); }

void DiffView::setIncludeVolatile(bool include) { volatile_box_->setChecked(include); }

void DiffView::setKindFilter(const QString& kind) {
  const int index = kind_box_->findData(kind);
  kind_box_->setCurrentIndex(index < 0 ? 0 : index);
}

void DiffView::focusFilter() {
  change_pane_->filterEdit()->setFocus(Qt::ShortcutFocusReason);
  change_pane_->filterEdit()->selectAll();
}

void DiffView::request() {
  loading_ = true;
  const QString host = device();
  last_box_->setEnabled(!host.isEmpty());
  from_box_->setEnabled(host.isEmpty());
  to_box_->setEnabled(host.isEmpty());
  if (!host.isEmpty()) {
    session_.loadDiff(std::nullopt, std::nullopt, volatile_box_->isChecked(), host.toStdString(),
                      static_cast<std::size_t>(last_box_->value()));
    return;
  }
  const auto from = boxRun(from_box_);
  const auto to = boxRun(to_box_);
  session_.loadDiff(from ? from : from_, to ? to : to_, volatile_box_->isChecked());
}

std::optional<RunId> DiffView::boxRun(const QComboBox* box) const {
  if (box->currentIndex() < 0) return std::nullopt;
  const QVariant run = box->currentData();
  if (!run.isValid()) return std::nullopt;
  return RunId{run.toLongLong()};
}

void DiffView::fillRunBox(QComboBox* box, const std::vector<store::RunRow>& runs, std::optional<RunId> selected) {
  box->clear();
  for (auto it = runs.rbegin(); it != runs.rend(); ++it) {  // newest first
    const QString captured = it->captured_at ? QString::fromStdString(*it->captured_at) : tr("capture time unknown");
    box->addItem(tr("%1 · %2").arg(it->id.value).arg(captured), QVariant::fromValue<qlonglong>(it->id.value));
    if (selected && it->id == *selected) box->setCurrentIndex(box->count() - 1);
  }
}

void DiffView::onDiffReady(const DiffOutcome& outcome) {
  loading_ = false;
  if (outcome.error) return;  // StoreSession reported it
  filling_ = true;
  from_ = outcome.from;
  to_ = outcome.to;
  fillRunBox(to_box_, *outcome.runs, outcome.to);
  fillRunBox(from_box_, *outcome.runs, outcome.from);
  {
    // Every device of the store; the one shown stays chosen.
    const QString chosen = outcome.device ? QString::fromStdString(*outcome.device) : QString();
    device_box_->clear();
    device_box_->addItem(tr("All devices: two runs"), QString());
    for (const auto& host : outcome.hostnames) device_box_->addItem(QString::fromStdString(host), QString::fromStdString(host));
    device_box_->setCurrentIndex(std::max(0, device_box_->findData(chosen)));
    last_box_->setEnabled(!chosen.isEmpty());
    from_box_->setEnabled(chosen.isEmpty());
    to_box_->setEnabled(chosen.isEmpty());
  }
  filling_ = false;
  all_changes_ = outcome.changes;
  std::array<std::size_t, 4> counts{};
  if (all_changes_) {
    for (const auto& c : *all_changes_) ++counts[static_cast<std::size_t>(c.change)];
  }
  auto chip = [](diff::ChangeType type, const QString& text) {
    return QStringLiteral("<span style=\"background-color:%1\">&nbsp;%2&nbsp;</span>")
        .arg(change_chip_color(type).name(QColor::HexArgb), text);
  };
  if (outcome.device) {
    QStringList runs;
    for (const auto& r : outcome.captures) runs << QString::number(r.value);
    summary_->setText(
        tr("<b>%1: last %2 capture(s), each against the one before</b> (runs %3) &nbsp; %4 %5 %6 %7")
            .arg(QString::fromStdString(*outcome.device).toHtmlEscaped())
            .arg(outcome.captures.size())
            .arg(runs.join(QStringLiteral(", ")))
            .arg(chip(diff::ChangeType::Added, tr("%1 added").arg(counts[0])),
                 chip(diff::ChangeType::Removed, tr("%1 removed").arg(counts[1])),
                 chip(diff::ChangeType::Changed, tr("%1 changed").arg(counts[2])),
                 chip(diff::ChangeType::NotCaptured, tr("%1 not captured").arg(counts[3]))));
  } else if (!outcome.changes) {
    summary_->setText(tr("A diff needs two runs: ingest another capture of the same devices."));
  } else {
    summary_->setText(tr("<b>Run %1 against run %2</b> &nbsp; %3 %4 %5 %6")
                          .arg(outcome.to->value)
                          .arg(outcome.from->value)
                          .arg(chip(diff::ChangeType::Added, tr("%1 added").arg(counts[0])),
                               chip(diff::ChangeType::Removed, tr("%1 removed").arg(counts[1])),
                               chip(diff::ChangeType::Changed, tr("%1 changed").arg(counts[2])),
                               chip(diff::ChangeType::NotCaptured, tr("%1 not captured").arg(counts[3]))));
  }
  change_model_->resetData(all_changes_);
  field_model_->resetData(FieldChangeModel::Snapshot{});
  change_pane_->fitColumns(TablePane::Fit::GrowOnly);
  applyKindFilter();
  emit diffShown(change_pane_->proxy()->rowCount());
}

void DiffView::applyKindFilter() {
  // The proxy hides the other kinds: no model reset, so the sort keys and filter texts of
  // 10,000 changes stay built.
  change_pane_->proxy()->setColumnValueFilter(static_cast<int>(DiffChangeColumn::Kind), kind_box_->currentData().toString());
  selectFirstChange();
}

void DiffView::selectFirstChange() {
  if (change_pane_->proxy()->rowCount() > 0) {
    change_pane_->view()->selectionModel()->setCurrentIndex(
        change_pane_->proxy()->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  } else {
    field_model_->resetData(FieldChangeModel::Snapshot{});
  }
}

void DiffView::onCurrentChanged() {
  const QModelIndex current = change_pane_->view()->currentIndex();
  const auto* change = current.isValid() ? change_model_->rowAt(change_pane_->proxy()->mapToSource(current).row())
                                         : nullptr;
  field_model_->resetData(change ? std::make_shared<const std::vector<diff::FieldChange>>(change->fields)
                                 : FieldChangeModel::Snapshot{});
  field_pane_->fitColumns();
}

std::optional<RawLocation> DiffView::currentLocation() const {
  const QModelIndex current = change_pane_->view()->currentIndex();
  if (!current.isValid()) return std::nullopt;
  const auto* change = change_model_->rowAt(change_pane_->proxy()->mapToSource(current).row());
  if (!change) return std::nullopt;
  if (change->to_source) return raw_location(change->to_run, *change->to_source);
  if (change->from_source) return raw_location(change->from_run, *change->from_source);
  return std::nullopt;
}

}  // namespace st::ui
