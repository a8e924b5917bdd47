#include "ui/views/health_view.h"

#include <QAbstractItemView>
#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/models/natural_sort_proxy.h"
#include "ui/store_session.h"
#include "ui/views/table_pane.h"

namespace st::ui {

HealthView::HealthView(StoreSession& session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      run_model_(make_run_health_model(this)),
      file_model_(make_file_health_model(this)),
      device_model_(make_device_health_model(this)),
      issue_model_(make_section_issue_model(this)),
      run_pane_(new TablePane(run_model_, tr("Filter runs"), this)),
      file_pane_(new TablePane(file_model_, tr("Filter files"), this)),
      device_pane_(new TablePane(device_model_, tr("Filter devices"), this)),
      issue_pane_(new TablePane(issue_model_, tr("Filter sections (status, command, reason…)"), this)),
      tabs_(new QTabWidget(this)),
      summary_(new QLabel(this)),
      splitter_(new QSplitter(Qt::Vertical, this)),
      show_raw_(new QAction(tr("Show in Raw Log"), this)) {
  setObjectName(QStringLiteral("healthView"));
  run_pane_->setObjectName(QStringLiteral("healthRunPane"));
  file_pane_->setObjectName(QStringLiteral("healthFilePane"));
  device_pane_->setObjectName(QStringLiteral("healthDevicePane"));
  issue_pane_->setObjectName(QStringLiteral("healthIssuePane"));
  run_pane_->setTitle(tr("Runs"));
  file_pane_->setTitle(tr("Files"));
  device_pane_->setTitle(tr("Parse time per device and file"));
  issue_pane_->setTitle(tr("Unknown and failed sections"));
  // Newest run first.
  run_pane_->header()->setSortIndicator(static_cast<int>(RunHealthColumn::Run), Qt::DescendingOrder);

  tabs_->addTab(issue_pane_, tr("Unknown && failed sections"));
  tabs_->addTab(device_pane_, tr("Devices"));
  tabs_->addTab(file_pane_, tr("Files"));
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* detail = new QWidget(this);
  auto* detail_layout = new QVBoxLayout(detail);
  detail_layout->setContentsMargins(4, 0, 4, 0);
  detail_layout->addWidget(summary_);
  detail_layout->addWidget(tabs_, 1);
  splitter_->addWidget(run_pane_);
  splitter_->addWidget(detail);
  splitter_->setChildrenCollapsible(false);
  splitter_->setStretchFactor(0, 2);
  splitter_->setStretchFactor(1, 5);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter_);

  // Ctrl+R and the context menu: files and sections open in the raw log.
  show_raw_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  show_raw_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  show_raw_->setStatusTip(tr("Open the selected file or section's bytes in the raw log viewer"));
  addAction(show_raw_);
  connect(show_raw_, &QAction::triggered, this, [this] {
    if (const auto location = currentLocation()) emit showInRawLog(*location);
  });
  for (TablePane* pane : {file_pane_, issue_pane_}) {
    QAbstractItemView* view = pane->view();
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this, pane, view](const QPoint& at) {
      const QModelIndex index = view->indexAt(at);
      const auto location = locationOf(pane, index);
      if (!location) return;
      QMenu menu(this);
      QAction* open = menu.addAction(show_raw_->text());
      open->setShortcut(show_raw_->shortcut());
      if (menu.exec(view->viewport()->mapToGlobal(at)) == open) emit showInRawLog(*location);
    });
    connect(view, &QAbstractItemView::doubleClicked, this, [this, pane](const QModelIndex& index) {
      if (const auto location = locationOf(pane, index)) emit showInRawLog(*location);
    });
  }

  connect(run_pane_->view()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &HealthView::onRunSelectionChanged);
  connect(&session_, &StoreSession::healthReady, this, &HealthView::onHealthReady);
}

void HealthView::refresh() {
  loading_ = true;
  session_.loadHealth(requested_run_);
}

void HealthView::showRun(RunId run) {
  requested_run_ = run;
  loading_ = true;
  session_.loadHealth(run);
}

void HealthView::onHealthReady(const HealthOutcome& outcome) {
  loading_ = false;
  if (outcome.error) return;  // StoreSession reported it
  selecting_ = true;
  run_model_->resetData(outcome.runs);
  run_pane_->fitColumns();
  // Room for the sort arrow beside the short "Run" title.
  run_pane_->header()->resizeSection(0, run_pane_->header()->sectionSize(0) + 14);
  if (outcome.report) {
    const store::RunHealthReport& report = *outcome.report;
    shown_run_ = report.summary.run;
    file_model_->resetData(std::make_shared<const std::vector<store::FileHealth>>(report.files));
    device_model_->resetData(std::make_shared<const std::vector<store::DeviceHealth>>(report.devices));
    issue_model_->resetData(std::make_shared<const std::vector<store::SectionRow>>(report.issues));
    selectRunRow(report.summary.run);
    const auto& s = report.summary;
    summary_->setText(tr("<b>Run %1</b> — %2 file(s), %3 device(s), %4 · sections: %5 parsed, %6 unknown, "
                         "%7 failed · parse time %8")
                          .arg(s.run.value)
                          .arg(s.files)
                          .arg(s.devices)
                          .arg(byte_size_text(s.bytes))
                          .arg(s.sections.parsed)
                          .arg(s.sections.unknown)
                          .arg(s.sections.failed)
                          .arg(duration_text(s.parse_seconds)));
    tabs_->setTabText(0, tr("Unknown && failed sections (%1)").arg(report.issues.size()));
    tabs_->setTabText(1, tr("Devices (%1)").arg(report.devices.size()));
    tabs_->setTabText(2, tr("Files (%1)").arg(report.files.size()));
  } else {
    shown_run_.reset();
    file_model_->resetData(FileHealthModel::Snapshot{});
    device_model_->resetData(DeviceHealthModel::Snapshot{});
    issue_model_->resetData(SectionIssueModel::Snapshot{});
    summary_->setText(tr("No runs in the store yet."));
  }
  for (TablePane* pane : {file_pane_, device_pane_, issue_pane_}) pane->fitColumns();
  selecting_ = false;
  emit healthShown(run_model_->rowCount());
}

void HealthView::selectRunRow(RunId run) {
  for (int row = 0; row < run_model_->rowCount(); ++row) {
    if (run_model_->rowAt(row)->run != run) continue;
    const QModelIndex index = run_pane_->proxy()->mapFromSource(run_model_->index(row, 0));
    if (!index.isValid()) return;
    run_pane_->view()->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    run_pane_->view()->scrollTo(index);
    return;
  }
}

void HealthView::onRunSelectionChanged() {
  if (selecting_) return;
  const QModelIndexList rows = run_pane_->view()->selectionModel()->selectedRows();
  if (rows.isEmpty()) return;
  const auto* row = run_model_->rowAt(run_pane_->proxy()->mapToSource(rows.first()).row());
  if (!row || (shown_run_ && row->run == *shown_run_)) return;
  showRun(row->run);
}

std::optional<RawLocation> HealthView::locationOf(const TablePane* pane, const QModelIndex& proxy_index) const {
  if (!proxy_index.isValid() || !shown_run_) return std::nullopt;
  const int row = pane->proxy()->mapToSource(proxy_index).row();
  if (pane == issue_pane_) {
    if (const auto* issue = issue_model_->rowAt(row)) return raw_location(issue->run, issue->source);
  } else if (pane == file_pane_) {
    if (const auto* file = file_model_->rowAt(row)) return RawLocation{*shown_run_, file->path, ByteRange{0, 0}};
  }
  return std::nullopt;
}

std::optional<RawLocation> HealthView::currentLocation() const {
  const TablePane* pane = tabs_->currentWidget() == file_pane_ ? file_pane_ : issue_pane_;
  if (tabs_->currentWidget() != file_pane_ && tabs_->currentWidget() != issue_pane_) return std::nullopt;
  return locationOf(pane, pane->view()->currentIndex());
}

}  // namespace st::ui

namespace st::ui {

void HealthView::focusFilter() {
  for (TablePane* pane : {file_pane_, device_pane_, issue_pane_}) {
    if (tabs_->currentWidget() != pane) continue;
    pane->filterEdit()->setFocus(Qt::ShortcutFocusReason);
    pane->filterEdit()->selectAll();
  }
}

}  // namespace st::ui
