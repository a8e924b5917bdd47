// The health view over the sample site's two runs: run totals, one run's files, device
// telemetry and unknown sections, and the click-through to a section's raw bytes.
#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QPixmap>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <map>

#include "store/health.h"
#include "store/listings.h"
#include "store/store.h"
#include "ui/main_window.h"
#include "ui/store_session.h"
#include "ui/models/health_models.h"
#include "ui/models/natural_sort_proxy.h"
#include "ui/views/health_view.h"
#include "ui/views/raw_log_view.h"
#include "ui/views/raw_text_view.h"
#include "ui/views/table_pane.h"
#include "ui_test_support.h"

using st::RunId;
using st::ui::HealthView;
using st::ui::MainWindow;
namespace t = st::ui::test;

namespace {

struct StatusCounts {
  std::int64_t parsed = 0, unknown = 0, failed = 0;
};

// Sections by status per run, counted from the sections listing (not the telemetry).
std::map<std::int64_t, StatusCounts> sections_by_run(const std::filesystem::path& store) {
  auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
  REQUIRE(db);
  std::map<std::int64_t, StatusCounts> counts;
  for (const auto& run : t::runs_in(store)) {
    auto sections = st::store::list_sections(*db, st::store::ListingFilter{run.id, std::nullopt});
    REQUIRE(sections);
    auto& c = counts[run.id.value];
    for (const auto& s : *sections) {
      if (s.status == "parsed") ++c.parsed;
      else if (s.status == "unknown") ++c.unknown;
      else ++c.failed;
    }
  }
  return counts;
}

QString cell(const QAbstractItemModel& model, int row, int column) {
  return model.index(row, column).data().toString();
}

}  // namespace

TEST_CASE("health view lists the sample site's runs with their counts and opens sections in the raw log",
          "[ui][health]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("sample.sqlite")).toStdString();
  t::ingest_or_fail(store, t::sample_run(1));
  t::ingest_or_fail(store, t::sample_run(2));
  const auto expected = sections_by_run(store);
  REQUIRE(expected.size() == 2);

  MainWindow window(store);
  HealthView* health = window.healthView();
  using Tester = QAbstractItemModelTester;
  Tester runs_tester(health->runModel(), Tester::FailureReportingMode::Fatal);
  Tester files_tester(health->fileModel(), Tester::FailureReportingMode::Fatal);
  Tester devices_tester(health->deviceModel(), Tester::FailureReportingMode::Fatal);
  Tester issues_tester(health->issueModel(), Tester::FailureReportingMode::Fatal);
  Tester proxy_tester(health->issuePane()->proxy(), Tester::FailureReportingMode::Fatal);

  QSignalSpy shown(health, &HealthView::healthShown);
  window.show();
  window.start();
  REQUIRE(t::wait_until([&] { return shown.count() >= 1 && !health->isLoading(); }));
  window.viewTabs()->setCurrentWidget(health);

  // One row per run, with the run's files, devices and sections by status.
  auto* runs = health->runModel();
  REQUIRE(runs->rowCount() == 2);
  for (int row = 0; row < 2; ++row) {
    const auto* run = runs->rowAt(row);
    REQUIRE(run != nullptr);
    INFO("run " << run->run.value);
    CHECK(run->files == 7);
    CHECK(run->devices == 8);
    const auto& counts = expected.at(run->run.value);
    CHECK(run->sections.parsed == counts.parsed);
    CHECK(run->sections.unknown == counts.unknown);
    CHECK(run->sections.failed == counts.failed);
    CHECK(run->sections.parsed > 0);
    using C = st::ui::RunHealthColumn;
    CHECK(cell(*runs, row, int(C::Files)) == QStringLiteral("7"));
    CHECK(cell(*runs, row, int(C::Devices)) == QStringLiteral("8"));
    CHECK(cell(*runs, row, int(C::Parsed)) == QString::number(counts.parsed));
    CHECK(cell(*runs, row, int(C::Unknown)) == QString::number(counts.unknown));
    CHECK(cell(*runs, row, int(C::Failed)) == QString::number(counts.failed));
  }
  // The latest run is shown first and selected.
  REQUIRE(health->shownRun() == std::optional<RunId>(RunId{2}));
  CHECK(health->runPane()->proxy()->index(0, 0).data().toString() == QStringLiteral("2"));
  CHECK(health->fileModel()->rowCount() == 7);
  CHECK(health->issueModel()->rowCount() == expected.at(2).unknown + expected.at(2).failed);
  QTest::qWait(50);
  REQUIRE(window.grab().save(t::screenshot_dir() + QStringLiteral("/health-run-2.png")));

  // Choosing run 1 shows its report.
  health->runPane()->view()->setCurrentIndex(health->runPane()->proxy()->index(1, 0));
  REQUIRE(t::wait_until([&] { return health->shownRun() == std::optional<RunId>(RunId{1}) && !health->isLoading(); }));
  CHECK(health->issueModel()->rowCount() == expected.at(1).unknown + expected.at(1).failed);
  std::int64_t device_parsed = 0;
  for (int row = 0; row < health->deviceModel()->rowCount(); ++row)
    device_parsed += health->deviceModel()->rowAt(row)->sections.parsed;
  CHECK(device_parsed == expected.at(1).parsed);
  for (int row = 0; row < health->issueModel()->rowCount(); ++row) {
    const auto* issue = health->issueModel()->rowAt(row);
    CHECK(issue->status != "parsed");
    CHECK(issue->reason.has_value());
  }

  // Ctrl+R on an unknown section opens its bytes in the raw log, highlighted.
  auto* pane = health->issuePane();
  REQUIRE(pane->proxy()->rowCount() > 0);
  health->detailTabs()->setCurrentWidget(pane);
  pane->view()->setFocus();
  pane->view()->setCurrentIndex(pane->proxy()->index(0, 0));
  const auto* issue = health->issueModel()->rowAt(pane->proxy()->mapToSource(pane->proxy()->index(0, 0)).row());
  REQUIRE(issue != nullptr);
  QApplication::setActiveWindow(&window);
  QSignalSpy opened(window.rawLogView(), &st::ui::RawLogView::fileOpened);
  QTest::keyClick(pane->view(), Qt::Key_R, Qt::ControlModifier);
  CHECK(window.viewTabs()->currentWidget() == window.rawLogView());
  REQUIRE(t::wait_until([&] { return opened.count() == 1; }));
  const auto location = window.rawLogView()->location();
  REQUIRE(location.has_value());
  CHECK(location->run == RunId{1});
  CHECK(location->file == issue->source.file);
  CHECK(location->range == st::ByteRange{issue->source.offset, issue->source.length});
  auto* text = window.rawLogView()->textView();
  REQUIRE(t::wait_until([&] { return text->indexComplete(); }));
  CHECK(text->highlight() == std::optional<st::ByteRange>(location->range));
  const int line = text->lineAt(location->range.offset);
  CHECK(line >= text->firstVisibleLine());
  CHECK(line < text->firstVisibleLine() + text->visibleLineCount());
  if (issue->device) CHECK(text->lineText(line).contains(QString::fromStdString(issue->command)));
}

TEST_CASE("health view on an empty store says so", "[ui][health]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("empty.sqlite")).toStdString();
  {
    auto db = st::store::open_store(store, st::store::OpenMode::ReadWrite);
    REQUIRE(db);
  }
  st::ui::StoreSession session(store);
  HealthView view(session);
  QAbstractItemModelTester tester(view.runModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
  QSignalSpy shown(&view, &HealthView::healthShown);
  view.refresh();
  REQUIRE(t::wait_until([&] { return shown.count() == 1; }));
  CHECK(view.runModel()->rowCount() == 0);
  CHECK_FALSE(view.shownRun().has_value());
}
