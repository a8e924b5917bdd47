#include "ui/views/timeline_view.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPainter>
#include <QSplitter>
#include <QTableView>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

#include "metrics/metric_names.h"
#include "ui/load_when_shown.h"
#include "ui/models/insight_card_model.h"
#include "ui/models/interface_status.h"
#include "ui/models/timeline_table_model.h"
#include "ui/store_session.h"

namespace st::ui {
namespace {

const QString kMetricPrefix = QStringLiteral("metric:");

std::optional<qint64> msecs_of(const std::string& iso) {
  const QDateTime time = QDateTime::fromString(QString::fromStdString(iso), Qt::ISODate);
  if (!time.isValid()) return std::nullopt;
  return time.toMSecsSinceEpoch();
}

std::optional<insights::Severity> severity_of_series(const std::string& name) {
  for (int s = 0; s <= insights::rank(insights::Severity::Critical); ++s) {
    const auto severity = static_cast<insights::Severity>(s);
    if (card_series_of(severity) == name) return severity;
  }
  return std::nullopt;
}

// Up and err-disabled in the devices view's status colours (readable on light and dark). Down and
// admin-down keep the theme's: the devices view greys both, which a chart could not tell apart.
std::optional<InterfaceState> state_of_series(const std::string& name) {
  if (name == metrics::names::kInterfacesUp) return InterfaceState::Connected;
  if (name == metrics::names::kInterfacesErrDisabled) return InterfaceState::ErrDisabled;
  return std::nullopt;
}

}  // namespace

TimelineView::TimelineView(StoreSession& session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      when_shown_(new LoadWhenShown(*this, [this] { request(); })),
      site_box_(new QComboBox(this)),
      device_box_(new QComboBox(this)),
      group_box_(new QComboBox(this)),
      status_(new QLabel(this)),
      chart_(new QChart),
      chart_view_(new QChartView(chart_, this)),  // takes ownership of the chart
      point_label_(new QLabel(this)),
      table_model_(new TimelineTableModel(this)),
      table_(new QTableView(this)),
      splitter_(new QSplitter(Qt::Vertical, this)) {
  setObjectName(QStringLiteral("timelineView"));
  site_box_->setObjectName(QStringLiteral("timelineSite"));
  device_box_->setObjectName(QStringLiteral("timelineDevice"));
  group_box_->setObjectName(QStringLiteral("timelineSeries"));
  table_->setObjectName(QStringLiteral("timelineTable"));
  site_box_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  device_box_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  group_box_->setSizeAdjustPolicy(QComboBox::AdjustToContents);

  auto* bar = new QHBoxLayout;
  bar->addWidget(new QLabel(tr("Site"), this));
  bar->addWidget(site_box_);
  bar->addSpacing(12);
  bar->addWidget(new QLabel(tr("Device"), this));
  bar->addWidget(device_box_);
  bar->addSpacing(12);
  bar->addWidget(new QLabel(tr("Show"), this));
  bar->addWidget(group_box_);
  bar->addStretch(1);
  bar->addWidget(status_);

  chart_->legend()->setAlignment(Qt::AlignBottom);
  chart_->setMargins(QMargins(4, 4, 4, 4));
  chart_view_->setRenderHint(QPainter::Antialiasing);
  chart_view_->setMinimumHeight(220);
  point_label_->setText(tr("Hover a point to see its values; click it to open that run's insights."));
  point_label_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  table_->setModel(table_model_);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setAlternatingRowColors(true);
  table_->verticalHeader()->hide();
  table_->setToolTip(tr("Double-click or press Enter on a run to open its insights"));

  auto* lower = new QWidget(this);
  auto* lower_layout = new QVBoxLayout(lower);
  lower_layout->setContentsMargins(0, 0, 0, 0);
  lower_layout->addWidget(point_label_);
  lower_layout->addWidget(table_, 1);
  splitter_->addWidget(chart_view_);
  splitter_->addWidget(lower);
  splitter_->setChildrenCollapsible(false);
  splitter_->setStretchFactor(0, 3);
  splitter_->setStretchFactor(1, 1);
  splitter_->setSizes({520, 200});  // the chart first; the table's size hint would take half
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 0);
  layout->addLayout(bar);
  layout->addWidget(splitter_, 1);

  connect(site_box_, &QComboBox::currentIndexChanged, this, [this] {
    if (filling_) return;
    scope_ = TimelineScope{site_box_->currentData().toString().toStdString(), {}};
    fillScopeBoxes();
    request();
  });
  connect(device_box_, &QComboBox::currentIndexChanged, this, [this] {
    if (filling_) return;
    scope_.device = device_box_->currentData().toString().toStdString();
    request();
  });
  connect(group_box_, &QComboBox::currentIndexChanged, this, [this] {
    if (!filling_) rebuildChart();
  });
  connect(table_, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
    if (const auto run = table_model_->runAt(index.row())) emit runChosen(*run, QString::fromStdString(scope_.device));
  });
  fillGroupBox();
  applyPaletteTheme();
}

void TimelineView::refresh() { request(); }

void TimelineView::refreshWhenShown() { when_shown_->request(); }

void TimelineView::setScope(const QString& site, const QString& device) {
  scope_ = TimelineScope{site.toStdString(), device.toStdString()};
  fillScopeBoxes();
  request();
}

bool TimelineView::showGroup(const QString& group) {
  const int index = group_box_->findData(group);
  if (index < 0) return false;
  group_box_->setCurrentIndex(index);
  return true;
}

// Off the GUI thread; the watcher is the session's child, so the session waits for it on close.
void TimelineView::request() {
  when_shown_->markLoaded();
  emit loadRequested();
  loading_ = true;
  status_->setText(tr("Loading…"));
  const auto generation = ++generation_;
  auto* watcher = new QFutureWatcher<TimelineOutcome>(&session_);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
    watcher->deleteLater();
    if (generation == generation_) onLoaded(watcher->result());  // else a newer scope is on its way
  });
  watcher->setFuture(QtConcurrent::run([path = session_.storePath(), scope = scope_] { return load_timeline(path, scope); }));
}

void TimelineView::onLoaded(const TimelineOutcome& outcome) {
  loading_ = false;
  if (outcome.error) {
    status_->setText(tr("Reading the timeline failed: %1").arg(QString::fromStdString(outcome.error->describe())));
    emit timelineShown(0);
    return;
  }
  sites_ = outcome.sites;
  scope_ = outcome.scope;
  data_ = outcome.data;
  fillScopeBoxes();
  fillGroupBox();
  rebuildChart();
  emit timelineShown(static_cast<int>(data_->runs.size()));
}

void TimelineView::fillScopeBoxes() {
  filling_ = true;
  site_box_->clear();
  device_box_->clear();
  device_box_->addItem(tr("All devices of the site"), QString());
  if (sites_) {
    for (const auto& site : *sites_) {
      const QString name = QString::fromStdString(site.name);
      site_box_->addItem(name, name);
      if (site.name != scope_.site) continue;
      site_box_->setCurrentIndex(site_box_->count() - 1);
      for (const auto& device : site.devices) {
        const QString host = QString::fromStdString(device);
        device_box_->addItem(host, host);
        if (device == scope_.device) device_box_->setCurrentIndex(device_box_->count() - 1);
      }
    }
  }
  filling_ = false;
}

void TimelineView::fillGroupBox() {
  const QString current = group_box_->currentData().toString();
  filling_ = true;
  group_box_->clear();
  group_box_->addItem(tr("Interface status"), kInterfacesGroup);
  group_box_->addItem(tr("Alerts by severity"), kAlertsGroup);
  group_box_->addItem(tr("Auth errors"), kAuthGroup);
  if (data_) {
    const auto names = data_->metricNames();
    if (!names.empty()) group_box_->insertSeparator(group_box_->count());
    for (const auto& name : names) {
      group_box_->addItem(tr("Metric: %1").arg(QString::fromStdString(name)), QString(kMetricPrefix + QString::fromStdString(name)));
    }
  }
  group_box_->setCurrentIndex(std::max(0, group_box_->findData(current)));
  filling_ = false;
}

std::vector<std::string> TimelineView::seriesOfGroup(const QString& group) const {
  namespace names = metrics::names;
  if (group == kInterfacesGroup) {
    return {std::string(names::kInterfacesUp), std::string(names::kInterfacesDown), std::string(names::kInterfacesAdminDown),
            std::string(names::kInterfacesErrDisabled)};
  }
  if (group == kAlertsGroup) return {kCardSeries.begin(), kCardSeries.end()};
  if (group == kAuthGroup) return {std::string(names::kAuthFailureCount)};
  if (group.startsWith(kMetricPrefix)) return {group.mid(kMetricPrefix.size()).toStdString()};
  return {};
}

std::vector<std::string> TimelineView::shownSeries() const {
  std::vector<std::string> names;
  for (const auto& c : charted_) names.push_back(c.name);
  return names;
}

QLineSeries* TimelineView::chartSeries(const std::string& name) const {
  const auto it = std::find_if(charted_.begin(), charted_.end(), [&](const Charted& c) { return c.name == name; });
  return it == charted_.end() ? nullptr : it->series;
}

void TimelineView::rebuildChart() {
  chart_->removeAllSeries();  // deletes them
  charted_.clear();
  for (auto* axis : chart_->axes()) {
    chart_->removeAxis(axis);
    delete axis;
  }
  const auto names = seriesOfGroup(group_box_->currentData().toString());
  table_model_->resetData(data_, names);
  table_->resizeColumnsToContents();
  if (!data_ || data_->runs.empty()) {
    status_->setText(scope_.site.empty() && (!sites_ || sites_->empty()) ? tr("No devices in this store yet")
                                                                         : tr("No runs with metrics for this scope"));
    chart_->setTitle(QString());
    applyPaletteTheme();
    return;
  }

  auto* x = new QDateTimeAxis;
  x->setFormat(QStringLiteral("MM-dd HH:mm"));
  // The axis labels are in local time (QDateTimeAxis has no time zone); the table and hover say UTC.
  x->setTitleText(tr("Capture time (%1)").arg(QDateTime::currentDateTime().timeZoneAbbreviation()));
  auto* y = new QValueAxis;
  y->setLabelFormat(QStringLiteral("%g"));
  y->setTitleText(group_box_->currentText());
  chart_->addAxis(x, Qt::AlignBottom);
  chart_->addAxis(y, Qt::AlignLeft);

  double top = 0;
  std::optional<qint64> first, last;
  for (const auto& name : names) {
    const TimelineSeries* values = data_->find(name);
    if (!values) continue;  // not stored for this scope (a metric no device of it has)
    Charted charted{name, new QLineSeries, {}};
    charted.series->setName(timeline_series_title(name));
    charted.series->setPointsVisible(true);
    for (std::size_t i = 0; i < data_->runs.size(); ++i) {
      const auto at = msecs_of(data_->runs[i].captured_at);
      if (!at || !values->values[i]) continue;
      charted.series->append(static_cast<qreal>(*at), *values->values[i]);
      charted.run_of_point.push_back(i);
      top = std::max(top, *values->values[i]);
      first = std::min(first.value_or(*at), *at);
      last = std::max(last.value_or(*at), *at);
    }
    chart_->addSeries(charted.series);
    charted.series->attachAxis(x);
    charted.series->attachAxis(y);
    connect(charted.series, &QXYSeries::hovered, this, [this, name](const QPointF& point, bool state) {
      if (!state) return;
      const QString text = describePoint(name, point);
      point_label_->setText(text);
      QToolTip::showText(QCursor::pos(), text, chart_view_);
    });
    connect(charted.series, &QXYSeries::clicked, this, [this, name](const QPointF& point) { activatePoint(name, point); });
    charted_.push_back(std::move(charted));
  }
  // A little room either side, so the first and last points are not drawn on the frame.
  if (first && last) {
    const qint64 pad = *first == *last ? qint64{3600} * 1000 : std::max<qint64>((*last - *first) / 25, 60'000);
    x->setRange(QDateTime::fromMSecsSinceEpoch(*first - pad), QDateTime::fromMSecsSinceEpoch(*last + pad));
  }
  y->setRange(0, top > 0 ? top * 1.1 : 1.0);
  y->applyNiceNumbers();

  QString status = data_->runs.size() == 1 ? tr("1 run") : tr("%1 runs").arg(data_->runs.size());
  status += QStringLiteral(" · ") + (scope_.device.empty() ? tr("sum over the site's devices") : tr("one device"));
  if (data_->undated_runs > 0) status += QStringLiteral(" · ") + tr("%1 run(s) without a capture time not shown").arg(data_->undated_runs);
  status_->setText(status);
  applyPaletteTheme();
}

std::optional<std::size_t> TimelineView::runAt(const std::string& name, const QPointF& point) const {
  const auto it = std::find_if(charted_.begin(), charted_.end(), [&](const Charted& c) { return c.name == name; });
  if (it == charted_.end() || it->run_of_point.empty()) return std::nullopt;
  // The nearest point in time (a click on the line between two points picks the closer run).
  const auto points = it->series->points();
  std::size_t best = 0;
  for (std::size_t i = 1; i < static_cast<std::size_t>(points.size()); ++i) {
    const auto distance = [&](std::size_t k) {
      const QPointF p = points[static_cast<qsizetype>(k)];
      return std::pair(std::fabs(p.x() - point.x()), std::fabs(p.y() - point.y()));
    };
    if (distance(i) < distance(best)) best = i;
  }
  return it->run_of_point[best];
}

QString TimelineView::describePoint(const std::string& name, const QPointF& point) const {
  const auto index = runAt(name, point);
  if (!index || !data_) return {};
  const TimelineRun& run = data_->runs[*index];
  const auto* series = data_->find(name);
  const auto& value = series->values[*index];
  return tr("%1 · run %2 · %3: %4")
      .arg(timeline_time_text(run.captured_at))
      .arg(run.run.value)
      .arg(timeline_series_title(name), value ? timeline_value_text(*value) : tr("not stored"));
}

bool TimelineView::activatePoint(const std::string& name, const QPointF& point) {
  const auto index = runAt(name, point);
  if (!index || !data_) return false;
  emit runChosen(data_->runs[*index].run, QString::fromStdString(scope_.device));
  return true;
}

void TimelineView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::PaletteChange) applyPaletteTheme();
  QWidget::changeEvent(event);
}

// Light or dark by the window colour, then the palette's own colours for what carries text, so
// the chart sits in the window like the other views.
void TimelineView::applyPaletteTheme() {
  const QPalette colors = palette();
  dark_ = colors.color(QPalette::Window).lightness() < 128;
  chart_->setTheme(dark_ ? QChart::ChartThemeDark : QChart::ChartThemeLight);
  chart_->setBackgroundBrush(colors.color(QPalette::Base));
  chart_->setBackgroundPen(QPen(colors.color(QPalette::Mid)));
  chart_->setTitleBrush(colors.color(QPalette::Text));
  chart_->legend()->setLabelColor(colors.color(QPalette::Text));
  chart_view_->setBackgroundBrush(colors.color(QPalette::Window));
  QColor grid = colors.color(QPalette::Mid);
  grid.setAlpha(110);
  for (auto* axis : chart_->axes()) {
    axis->setLabelsColor(colors.color(QPalette::Text));
    axis->setTitleBrush(colors.color(QPalette::Text));
    axis->setGridLineColor(grid);
    axis->setLinePenColor(colors.color(QPalette::Mid));
  }
  // Cards in their severity colours (as the insights view ranks them), interface states in the devices view's.
  for (const auto& c : charted_) {
    if (const auto severity = severity_of_series(c.name)) {
      QColor color = severity_color(*severity);
      color.setAlpha(255);  // the table's tint, opaque for a line
      c.series->setColor(color);
    } else if (const auto state = state_of_series(c.name)) {
      c.series->setColor(interface_state_color(*state, colors));
    }
  }
}

}  // namespace st::ui
