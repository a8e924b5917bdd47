// The timeline over a generated fleet captured three times (incidents change the metrics from run
// to run): a site's series are the core's metric rows summed per run, a device's are its own rows,
// the alert series count the cards the core lists per run; hovering a point names its run and
// value, clicking it opens that run's cards in the insights view; light and dark screenshots; a
// hidden timeline (and insights, detection rules) queries the store only once shown.
#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPalette>
#include <QPixmap>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <map>

#include "generate/generator.h"
#include "insights/insight_listing.h"
#include "metrics/metric_names.h"
#include "store/listings.h"
#include "store/metric_listing.h"
#include "store/store.h"
#include "ui/main_window.h"
#include "ui/models/insight_card_model.h"
#include "ui/models/timeline_table_model.h"
#include "ui/store_session.h"
#include "ui/views/detection_rule_editor_view.h"
#include "ui/views/devices_view.h"
#include "ui/views/insights_view.h"
#include "ui/theme.h"
#include "ui/views/timeline_view.h"
#include "ui_test_support.h"

using st::RunId;
using st::ui::MainWindow;
using st::ui::TimelineView;
using Tester = QAbstractItemModelTester;
namespace t = st::ui::test;
namespace names = st::metrics::names;

namespace {

constexpr int kRuns = 3;

// A generated fleet (seed 11: flaps, auth failures, err-disables, power faults across its runs),
// its runs ingested oldest first.
std::filesystem::path fleet_store(const QTemporaryDir& dir) {
  st::generate::GenerateOptions options;
  options.out_dir = dir.filePath(QStringLiteral("fleet")).toStdString();
  options.devices = 8;
  options.runs = kRuns;
  options.seed = 11;
  options.profile = st::generate::Profile::Lean;
  const auto generated = st::generate::generate(options);
  if (!generated) FAIL("generate: " << generated.error().describe());
  const std::filesystem::path store = dir.filePath(QStringLiteral("timeline.sqlite")).toStdString();
  for (int run = 1; run <= kRuns; ++run) t::ingest_or_fail(store, options.out_dir / ("run-" + std::to_string(run)));
  return store;
}

// Run id -> the sum of `metric` over the rows `query` selects, read through the core.
std::map<std::int64_t, double> core_sums(st::store::Database& db, st::store::MetricQuery query, std::string_view metric) {
  query.metric = std::string(metric);
  auto rows = st::store::list_metrics(db, query);
  REQUIRE(rows);
  std::map<std::int64_t, double> sums;
  for (const auto& r : *rows) sums[r.run.value] += r.value;
  return sums;
}

// The view's values of `metric`, by run id (absent values left out).
std::map<std::int64_t, double> shown_sums(const TimelineView& view, std::string_view metric) {
  const auto data = view.timelineData();
  REQUIRE(data);
  const auto* series = data->find(metric);
  REQUIRE(series != nullptr);
  std::map<std::int64_t, double> sums;
  for (std::size_t i = 0; i < data->runs.size(); ++i) {
    if (series->values[i]) sums[data->runs[i].run.value] = *series->values[i];
  }
  return sums;
}

bool varies(const std::map<std::int64_t, double>& values) {
  if (values.empty()) return false;
  const auto [low, high] = std::minmax_element(values.begin(), values.end(),
                                               [](const auto& a, const auto& b) { return a.second < b.second; });
  return low->second != high->second;
}

void wait_for_scope(TimelineView& view, QSignalSpy& shown, const st::ui::TimelineScope& scope) {
  REQUIRE(t::wait_until([&] { return shown.count() >= 1 && !view.isLoading() && view.scope() == scope; }));
}

QImage grab_and_check(MainWindow& window, const QString& file_name) {
  QTest::qWait(50);  // let the last layout pass paint
  const QPixmap shot = window.grab();
  const QString path = t::screenshot_dir() + QStringLiteral("/") + file_name;
  REQUIRE(shot.save(path));
  const auto stats = t::image_stats(shot.toImage());
  INFO("screenshot " << path.toStdString() << ": " << stats.distinct_colors << " colours, dominant "
                     << stats.dominant_share);
  CHECK(stats.distinct_colors >= 16);
  CHECK(stats.dominant_share < 0.9);  // not one flat colour
  return shot.toImage();
}

}  // namespace

TEST_CASE("timeline charts a site's sums and a device's metrics per run and opens a run's insights",
          "[ui][timeline]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const auto store = fleet_store(dir);
  auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
  REQUIRE(db);
  auto runs = st::store::list_runs(*db);
  REQUIRE(runs);
  REQUIRE(runs->size() == static_cast<std::size_t>(kRuns));
  std::map<std::int64_t, std::string> captured;
  for (const auto& r : *runs) {
    REQUIRE(r.captured_at);
    captured[r.id.value] = *r.captured_at;
  }

  // The site with the most devices.
  auto devices = st::store::list_devices(*db, st::store::ListingFilter{});
  REQUIRE(devices);
  std::map<std::string, std::vector<std::string>> by_site;
  for (const auto& d : *devices) by_site[d.site].push_back(d.hostname);
  const auto biggest = std::max_element(by_site.begin(), by_site.end(),
                                        [](const auto& a, const auto& b) { return a.second.size() < b.second.size(); });
  const std::string site = biggest->first;
  REQUIRE(biggest->second.size() >= 2);

  // Cards per run, severity and device, listed by the core run by run.
  std::map<std::tuple<std::int64_t, std::string, st::insights::Severity>, int> cards;
  for (const auto& r : *runs) {
    st::insights::InsightQuery query;
    query.run = r.id;
    query.evidence_text = false;
    auto rows = st::insights::list_insights(*db, query);
    REQUIRE(rows);
    for (const auto& card : *rows) ++cards[{r.id.value, card.device, card.severity}];
  }

  MainWindow window(store);
  TimelineView* view = window.timelineView();
  Tester table_tester(view->tableModel(), Tester::FailureReportingMode::Fatal);
  QSignalSpy shown(view, &TimelineView::timelineShown);
  QSignalSpy errors(&window, &MainWindow::errorReported);
  window.show();
  window.start();
  // View → Timeline is Ctrl+8 (the timeline loads once it is shown and the store is open).
  QApplication::setActiveWindow(&window);
  QTest::keyClick(&window, Qt::Key_8, Qt::ControlModifier);
  CHECK(window.viewTabs()->currentWidget() == view);
  window.viewTabs()->setCurrentWidget(view);
  REQUIRE(t::wait_until([&] { return (shown.count() >= 1 && !view->isLoading()) || errors.count() > 0; }));
  if (errors.count() > 0) FAIL(errors.at(0).at(0).toString().toStdString());

  // The whole site: each series is the sum over its devices per run.
  shown.clear();
  view->setScope(QString::fromStdString(site));
  wait_for_scope(*view, shown, {site, ""});
  CHECK(view->siteBox()->currentText() == QString::fromStdString(site));
  CHECK(view->deviceBox()->currentIndex() == 0);  // all devices of the site
  REQUIRE(view->timelineData()->runs.size() == static_cast<std::size_t>(kRuns));
  for (std::size_t i = 0; i < view->timelineData()->runs.size(); ++i) {
    const auto& run = view->timelineData()->runs[i];
    CHECK(run.captured_at == captured.at(run.run.value));
    if (i > 0) CHECK(view->timelineData()->runs[i - 1].captured_at <= run.captured_at);
  }
  st::store::MetricQuery site_query;
  site_query.site = site;
  int changing = 0;
  for (const auto metric : {names::kInterfacesUp, names::kInterfacesDown, names::kInterfacesAdminDown,
                            names::kInterfacesErrDisabled, names::kAuthFailureCount, names::kPortFlapEvents}) {
    INFO("site " << site << " metric " << metric);
    const auto expected = core_sums(*db, site_query, metric);
    REQUIRE(expected.size() == static_cast<std::size_t>(kRuns));
    CHECK(shown_sums(*view, metric) == expected);
    changing += varies(expected) ? 1 : 0;
  }
  CHECK(changing >= 1);  // the runs differ: the chart is not three equal points
  for (const auto severity : {st::insights::Severity::Critical, st::insights::Severity::Major,
                              st::insights::Severity::Warning, st::insights::Severity::Info}) {
    std::map<std::int64_t, double> expected;
    for (const auto& r : *runs) expected[r.id.value] = 0;
    for (const auto& [key, n] : cards) {
      const auto& [run, device, card_severity] = key;
      const bool mine = std::find(biggest->second.begin(), biggest->second.end(), device) != biggest->second.end();
      if (mine && card_severity == severity) expected[run] += n;
    }
    INFO("severity " << st::insights::to_string(severity));
    CHECK(shown_sums(*view, st::ui::card_series_of(severity)) == expected);
  }

  // The chart and the table show the interface series: a point per run at its capture time.
  REQUIRE(view->showGroup(TimelineView::kInterfacesGroup));
  CHECK(view->shownSeries() == std::vector<std::string>{std::string(names::kInterfacesUp), std::string(names::kInterfacesDown),
                                                        std::string(names::kInterfacesAdminDown),
                                                        std::string(names::kInterfacesErrDisabled)});
  const auto up = core_sums(*db, site_query, names::kInterfacesUp);
  QLineSeries* up_line = view->chartSeries(std::string(names::kInterfacesUp));
  REQUIRE(up_line != nullptr);
  REQUIRE(up_line->count() == kRuns);
  auto* table = view->tableModel();
  REQUIRE(table->rowCount() == kRuns);
  REQUIRE(table->columnCount() == st::ui::TimelineTableModel::kFirstSeriesColumn + 4);
  CHECK(table->headerData(st::ui::TimelineTableModel::kFirstSeriesColumn, Qt::Horizontal).toString() ==
        QStringLiteral("InterfacesUp"));
  for (int i = 0; i < kRuns; ++i) {
    const auto run = table->runAt(i);
    REQUIRE(run);
    const QDateTime at = QDateTime::fromString(QString::fromStdString(captured.at(run->value)), Qt::ISODate);
    CHECK(up_line->at(i).x() == Approx(static_cast<double>(at.toMSecsSinceEpoch())));
    CHECK(up_line->at(i).y() == Approx(up.at(run->value)));
    CHECK(table->index(i, st::ui::TimelineTableModel::kFirstSeriesColumn).data().toString() ==
          st::ui::timeline_value_text(up.at(run->value)));
  }
  // Any other stored metric can be picked.
  REQUIRE(view->showGroup(QStringLiteral("metric:") + QString::fromStdString(std::string(names::kPortFlapEvents))));
  CHECK(view->shownSeries() == std::vector<std::string>{std::string(names::kPortFlapEvents)});
  CHECK(view->chartSeries(std::string(names::kPortFlapEvents))->count() == kRuns);
  REQUIRE(view->showGroup(TimelineView::kAlertsGroup));
  CHECK(view->shownSeries().size() == st::ui::kCardSeries.size());
  grab_and_check(window, QStringLiteral("timeline-site-alerts.png"));

  // One device (the one with the most cards in the middle run): its own rows.
  const RunId middle = view->timelineData()->runs[1].run;
  std::map<std::string, int> middle_cards;
  for (const auto& [key, n] : cards) {
    if (std::get<0>(key) == middle.value) middle_cards[std::get<1>(key)] += n;
  }
  std::string device = biggest->second.front();
  for (const auto& host : biggest->second) {
    if (middle_cards[host] > middle_cards[device]) device = host;
  }
  shown.clear();
  view->setScope(QString::fromStdString(site), QString::fromStdString(device));
  wait_for_scope(*view, shown, {site, device});
  CHECK(view->deviceBox()->currentText() == QString::fromStdString(device));
  st::store::MetricQuery device_query;
  device_query.device = device;
  for (const auto metric : {names::kInterfacesUp, names::kInterfacesDown, names::kAuthFailureCount}) {
    INFO("device " << device << " metric " << metric);
    CHECK(shown_sums(*view, metric) == core_sums(*db, device_query, metric));
  }

  // Hover and click the middle run's point of the auth errors.
  REQUIRE(view->showGroup(TimelineView::kAuthGroup));
  QLineSeries* auth = view->chartSeries(std::string(names::kAuthFailureCount));
  REQUIRE(auth != nullptr);
  REQUIRE(auth->count() == kRuns);
  const QPointF point = auth->at(1);
  emit auth->hovered(point, true);
  const QString hover = view->pointLabel()->text();
  CHECK(hover.contains(QStringLiteral("run %1").arg(middle.value)));
  CHECK(hover.contains(QStringLiteral("AuthFailureCount: %1").arg(st::ui::timeline_value_text(point.y()))));
  CHECK(hover.contains(st::ui::timeline_time_text(captured.at(middle.value))));

  QSignalSpy chosen(view, &TimelineView::runChosen);
  QSignalSpy cards_shown(window.insightsView(), &st::ui::InsightsView::cardsShown);
  emit auth->clicked(point);  // what a mouse click on the point emits
  REQUIRE(chosen.count() == 1);
  CHECK(chosen.at(0).at(1).toString() == QString::fromStdString(device));
  CHECK(window.viewTabs()->currentWidget() == window.insightsView());
  REQUIRE(t::wait_until([&] { return cards_shown.count() >= 1 && !window.insightsView()->isLoading(); }));
  auto* run_box = window.insightsView()->findChild<QComboBox*>(QStringLiteral("insightsRun"));
  REQUIRE(run_box != nullptr);
  CHECK(run_box->currentData().toLongLong() == middle.value);
  CHECK(window.insightsView()->filterEdit()->text() == QString::fromStdString(device));
  auto* card_model = window.insightsView()->cardModel();
  int middle_total = 0;
  for (const auto& [host, n] : middle_cards) middle_total += n;
  CHECK(card_model->totalCards() == middle_total);  // every card of that run, not each device's latest
  // The filter narrows to the device (a card elsewhere may name it in its summary, so at least its own).
  int own = 0;
  for (int row = 0; row < card_model->rowCount(); ++row) {
    const QModelIndex top = card_model->index(row, 0);
    if (const auto* card = card_model->cardAt(top)) own += card->row.device == device ? 1 : 0;
    for (int child = 0; child < card_model->rowCount(top); ++child) {
      const auto* card = card_model->cardAt(card_model->index(child, 0, top));
      own += card && card->row.device == device ? 1 : 0;
    }
  }
  REQUIRE(middle_cards[device] > 0);
  CHECK(own == middle_cards[device]);
  CHECK(card_model->shownCards() >= own);
  CHECK(card_model->shownCards() < card_model->totalCards());

  // The keyboard way: Enter on the table's first run opens that run.
  window.viewTabs()->setCurrentWidget(view);
  const RunId first = view->timelineData()->runs[0].run;
  view->table()->setFocus();
  view->table()->setCurrentIndex(view->tableModel()->index(0, st::ui::TimelineTableModel::kFirstSeriesColumn));
  cards_shown.clear();
  QTest::keyClick(view->table(), Qt::Key_Return);
  REQUIRE(chosen.count() == 2);
  CHECK(chosen.at(1).at(0).value<RunId>() == first);
  CHECK(window.viewTabs()->currentWidget() == window.insightsView());
  REQUIRE(t::wait_until([&] { return cards_shown.count() >= 1 && !window.insightsView()->isLoading(); }));
  CHECK(run_box->currentData().toLongLong() == first.value);
}

TEST_CASE("timeline follows the palette: light and dark screenshots", "[ui][timeline]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const auto store = fleet_store(dir);

  MainWindow window(store);
  TimelineView* view = window.timelineView();
  QSignalSpy shown(view, &TimelineView::timelineShown);
  window.viewTabs()->setCurrentWidget(view);  // a hidden timeline loads when shown
  window.show();
  window.start();
  REQUIRE(t::wait_until([&] { return shown.count() >= 1 && !view->isLoading() && view->timelineData(); }));
  REQUIRE(view->showGroup(TimelineView::kInterfacesGroup));
  REQUIRE(!view->shownSeries().empty());

  CHECK_FALSE(view->isDarkChart());
  CHECK(view->chart()->theme() == QChart::ChartThemeLight);
  const QImage light_shot = grab_and_check(window, QStringLiteral("timeline-light.png"));

  st::ui::apply_theme(*qApp, st::ui::Theme::Dark);
  const QPalette dark = QApplication::palette();
  QTest::qWait(20);
  CHECK(view->isDarkChart());
  CHECK(view->chart()->theme() == QChart::ChartThemeDark);
  // The plot sits on the palette's base colour, its labels in the text colour.
  CHECK(view->chart()->backgroundBrush().color() == dark.color(QPalette::Base));
  CHECK(view->chart()->legend()->labelColor() == dark.color(QPalette::Text));
  const QImage dark_shot = grab_and_check(window, QStringLiteral("timeline-dark.png"));
  CHECK(light_shot != dark_shot);
  st::ui::apply_theme(*qApp, st::ui::Theme::System);
  QTest::qWait(20);
  CHECK_FALSE(view->isDarkChart());
}

TEST_CASE("timeline data: per-run sums in capture order, gaps kept, undated runs counted", "[ui][timeline]") {
  using st::store::MetricRow;
  using st::insights::InsightCountRow;
  using st::insights::Severity;
  // Two access switches of one site over three runs; run 7 has no capture time; the third run
  // (id 5, captured before run 6) lacks AuthFailureCount rows, as a capture without the log would.
  const std::string t1 = "2026-11-20T09:14:07Z", t2 = "2026-11-21T09:10:00Z", t3 = "2026-11-20T21:00:00Z";
  const std::vector<MetricRow> metrics{
      {RunId{4}, t1, "NYC", "NYC-B2-ACC-07", "InterfacesUp", 40},
      {RunId{4}, t1, "NYC", "NYC-B2-ACC-08", "InterfacesUp", 44},
      {RunId{4}, t1, "NYC", "NYC-B2-ACC-07", "AuthFailureCount", 3},
      {RunId{5}, t3, "NYC", "NYC-B2-ACC-07", "InterfacesUp", 38},
      {RunId{5}, t3, "NYC", "NYC-B2-ACC-08", "InterfacesUp", 45},
      {RunId{6}, t2, "NYC", "NYC-B2-ACC-07", "InterfacesUp", 41},
      {RunId{6}, t2, "NYC", "NYC-B2-ACC-07", "AuthFailureCount", 0.5},
      {RunId{7}, std::nullopt, "NYC", "NYC-B2-ACC-07", "InterfacesUp", 12},
  };
  const std::vector<InsightCountRow> cards{
      {RunId{4}, t1, "NYC", "NYC-B2-ACC-07", Severity::Major, 2},
      {RunId{4}, t1, "NYC", "NYC-B2-ACC-08", Severity::Major, 1},
      {RunId{6}, t2, "NYC", "NYC-B2-ACC-08", Severity::Critical, 1},
  };
  const auto data = st::ui::build_timeline(metrics, cards);
  REQUIRE(data.runs.size() == 3);
  CHECK(data.runs[0].run == RunId{4});
  CHECK(data.runs[1].run == RunId{5});  // captured before run 6
  CHECK(data.runs[2].run == RunId{6});
  CHECK(data.runs[1].captured_at == t3);
  CHECK(data.undated_runs == 1);

  using Values = std::vector<std::optional<double>>;
  REQUIRE(data.find("InterfacesUp"));
  CHECK(data.find("InterfacesUp")->values == Values{84.0, 83.0, 41.0});
  CHECK(data.find("AuthFailureCount")->values == Values{3.0, std::nullopt, 0.5});
  CHECK(data.find(st::ui::kMajorCards)->values == Values{3.0, 0.0, 0.0});
  CHECK(data.find(st::ui::kCriticalCards)->values == Values{0.0, 0.0, 1.0});
  CHECK(data.find(st::ui::kInfoCards)->values == Values{0.0, 0.0, 0.0});
  CHECK(data.find("PoEFaults") == nullptr);
  CHECK(data.metricNames() == std::vector<std::string>{"AuthFailureCount", "InterfacesUp"});

  // The table over it: the shown series, blanks where nothing was stored.
  st::ui::TimelineTableModel model;
  Tester tester(&model, Tester::FailureReportingMode::Fatal);
  const auto shared = std::make_shared<const st::ui::TimelineData>(data);
  model.resetData(shared, {"AuthFailureCount", "NoSuchMetric", std::string(st::ui::kMajorCards)});
  REQUIRE(model.columnCount() == st::ui::TimelineTableModel::kFirstSeriesColumn + 2);
  REQUIRE(model.rowCount() == 3);
  const int auth = st::ui::TimelineTableModel::kFirstSeriesColumn;
  CHECK(model.index(0, auth).data().toString() == QStringLiteral("3"));
  CHECK(!model.index(1, auth).data().isValid());
  CHECK(model.index(2, auth).data().toString() == QStringLiteral("0.50"));
  CHECK(model.index(0, auth + 1).data().toString() == QStringLiteral("3"));
  CHECK(model.headerData(auth + 1, Qt::Horizontal).toString() == QStringLiteral("Major cards"));
  CHECK(model.index(1, st::ui::TimelineTableModel::kCapturedColumn).data().toString() == QStringLiteral("2026-11-20 21:00 UTC"));
  CHECK(model.index(2, 0).data(st::ui::kRunIdRole).toLongLong() == 6);
  model.resetData(nullptr, {});
  CHECK(model.rowCount() == 0);
}

TEST_CASE("hidden views load when shown: an overview only marks the timeline, insights and detection rules stale",
          "[ui][timeline]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const auto store = fleet_store(dir);

  MainWindow window(store);
  TimelineView* view = window.timelineView();
  QSignalSpy loads(view, &TimelineView::loadRequested);
  QSignalSpy shown(view, &TimelineView::timelineShown);
  QSignalSpy cards(window.insightsView(), &st::ui::InsightsView::cardsShown);
  QSignalSpy rules(window.detectionRuleEditorView(), &st::ui::DetectionRuleEditorView::catalogLoaded);
  QSignalSpy overviews(&window, &MainWindow::overviewShown);
  window.viewTabs()->setCurrentWidget(window.devicesView());
  window.show();
  window.start();
  REQUIRE(t::wait_until([&] { return overviews.count() >= 1; }));
  QTest::qWait(300);  // anything the overview started would have answered by now
  CHECK(loads.count() == 0);
  CHECK_FALSE(view->isLoading());
  CHECK(view->timelineData() == nullptr);
  CHECK(cards.count() == 0);
  CHECK(rules.count() == 0);

  // Shown: the timeline asks the store at once (busy for the screenshot tour) and draws the runs.
  window.viewTabs()->setCurrentWidget(view);
  CHECK(loads.count() == 1);
  CHECK(view->isLoading());
  REQUIRE(t::wait_until([&] { return shown.count() >= 1 && !view->isLoading(); }));
  REQUIRE(view->timelineData() != nullptr);
  CHECK(view->timelineData()->runs.size() == static_cast<std::size_t>(kRuns));

  // Visible: a new overview reloads it at once.
  overviews.clear();
  window.session().refresh();
  REQUIRE(t::wait_until([&] { return overviews.count() >= 1; }));
  CHECK(loads.count() == 2);
  REQUIRE(t::wait_until([&] { return !view->isLoading(); }));

  // Hidden again: the next overview does not query; showing it once more does, once.
  window.viewTabs()->setCurrentWidget(window.devicesView());
  overviews.clear();
  window.session().refresh();
  REQUIRE(t::wait_until([&] { return overviews.count() >= 1; }));
  QTest::qWait(100);
  CHECK(loads.count() == 2);
  window.viewTabs()->setCurrentWidget(view);
  window.viewTabs()->setCurrentWidget(window.devicesView());
  window.viewTabs()->setCurrentWidget(view);
  CHECK(loads.count() == 3);  // a second show with nothing new loads nothing

  // The insights and detection-rule tabs the same way.
  window.viewTabs()->setCurrentWidget(window.insightsView());
  REQUIRE(t::wait_until([&] { return cards.count() >= 1 && !window.insightsView()->isLoading(); }));
  window.viewTabs()->setCurrentWidget(window.detectionRuleEditorView());
  REQUIRE(t::wait_until([&] { return rules.count() >= 1 && !window.detectionRuleEditorView()->isBusy(); }));
  CHECK(window.detectionRuleEditorView()->runChooser()->count() == kRuns);
}
