// The diff explorer over the sample site's two runs: the changes are the core's diff, the kind
// filter and volatile toggle change them, a changed object's fields show old and new, and a
// change opens its row in the raw log, highlighted.
#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSpinBox>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <fmt/format.h>

#include <set>
#include <string>

#include "diff/device_captures_diff.h"
#include "diff/stored_diff.h"
#include "generate/generator.h"
#include "store/store.h"
#include "ui/main_window.h"
#include "ui/models/diff_models.h"
#include "ui/models/natural_sort_proxy.h"
#include "ui/store_session.h"
#include "ui/views/diff_view.h"
#include "ui/views/raw_log_view.h"
#include "ui/views/raw_text_view.h"
#include "ui/views/table_pane.h"
#include "ui_test_support.h"

using st::RunId;
using st::ui::DiffView;
using st::ui::MainWindow;
namespace t = st::ui::test;

namespace {

std::vector<st::diff::ObjectChange> core_diff(const std::filesystem::path& store, bool include_volatile) {
  auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
  REQUIRE(db);
  st::diff::DiffOptions options;
  options.include_volatile = include_volatile;
  auto changes = st::diff::diff_between(*db, RunId{1}, RunId{2}, options);
  REQUIRE(changes);
  return *changes;
}

}  // namespace

TEST_CASE("diff view shows what changed between the sample site's runs", "[ui][diff]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("sample.sqlite")).toStdString();
  t::ingest_or_fail(store, t::sample_run(1));
  t::ingest_or_fail(store, t::sample_run(2));
  const auto expected = core_diff(store, false);
  REQUIRE(!expected.empty());

  MainWindow window(store);
  DiffView* view = window.diffView();
  using Tester = QAbstractItemModelTester;
  Tester changes_tester(view->changeModel(), Tester::FailureReportingMode::Fatal);
  Tester fields_tester(view->fieldModel(), Tester::FailureReportingMode::Fatal);
  Tester proxy_tester(view->changePane()->proxy(), Tester::FailureReportingMode::Fatal);
  QSignalSpy shown(view, &DiffView::diffShown);
  window.show();
  window.start();
  REQUIRE(t::wait_until([&] { return shown.count() >= 1 && !view->isLoading(); }));
  window.viewTabs()->setCurrentWidget(view);

  // The latest run against the one before, row for row the core's diff.
  CHECK(view->toRun() == std::optional<RunId>(RunId{2}));
  CHECK(view->fromRun() == std::optional<RunId>(RunId{1}));
  auto* model = view->changeModel();
  REQUIRE(model->rowCount() == static_cast<int>(expected.size()));
  std::size_t changed = 0;
  for (int row = 0; row < model->rowCount(); ++row) {
    const auto* c = model->rowAt(row);
    CHECK(st::diff::to_json(*c) == st::diff::to_json(expected[static_cast<std::size_t>(row)]));
    if (c->change == st::diff::ChangeType::Changed) ++changed;
  }
  CHECK(view->summaryLabel()->text().contains(QStringLiteral("%1 changed").arg(changed)));

  // The first row is selected: its fields, old and new.
  const auto* first = model->rowAt(view->changePane()->proxy()->mapToSource(view->changePane()->proxy()->index(0, 0)).row());
  REQUIRE(first != nullptr);
  CHECK(view->fieldModel()->rowCount() == static_cast<int>(first->fields.size()));
  QTest::qWait(50);
  REQUIRE(window.grab().save(t::screenshot_dir() + QStringLiteral("/diff-run-2.png")));

  // Kind filter: only VLANs.
  view->setKindFilter(QStringLiteral("vlan"));
  std::size_t vlans = 0;
  for (const auto& c : expected) vlans += c.kind == "vlan" ? 1 : 0;
  REQUIRE(vlans > 0);
  auto* shown_rows = view->changePane()->proxy();
  CHECK(shown_rows->rowCount() == static_cast<int>(vlans));
  for (int row = 0; row < shown_rows->rowCount(); ++row) {
    CHECK(model->rowAt(shown_rows->mapToSource(shown_rows->index(row, 0)).row())->kind == "vlan");
  }
  CHECK(model->rowCount() == static_cast<int>(expected.size()));  // hidden, not dropped
  view->setKindFilter(QString());
  CHECK(shown_rows->rowCount() == static_cast<int>(expected.size()));

  // Volatile fields on request: uptimes and counters join the diff.
  shown.clear();
  view->setIncludeVolatile(true);
  REQUIRE(t::wait_until([&] { return shown.count() >= 1 && !view->isLoading(); }));
  CHECK(model->rowCount() == static_cast<int>(core_diff(store, true).size()));
  CHECK(model->rowCount() > static_cast<int>(expected.size()));
  shown.clear();
  view->setIncludeVolatile(false);
  REQUIRE(t::wait_until([&] { return shown.count() >= 1 && !view->isLoading(); }));

  // Ctrl+R on an interface change opens its row of run 2 in the raw log, highlighted.
  int interface_row = -1;
  auto* proxy = view->changePane()->proxy();
  for (int row = 0; row < proxy->rowCount() && interface_row < 0; ++row) {
    const auto* c = model->rowAt(proxy->mapToSource(proxy->index(row, 0)).row());
    if (c->kind == "interface" && c->change == st::diff::ChangeType::Changed && c->to_source) interface_row = row;
  }
  REQUIRE(interface_row >= 0);
  const auto* change = model->rowAt(proxy->mapToSource(proxy->index(interface_row, 0)).row());
  view->changePane()->view()->setFocus();
  view->changePane()->view()->setCurrentIndex(proxy->index(interface_row, 0));
  QApplication::setActiveWindow(&window);
  QSignalSpy opened(window.rawLogView(), &st::ui::RawLogView::fileOpened);
  QTest::keyClick(view->changePane()->view(), Qt::Key_R, Qt::ControlModifier);
  CHECK(window.viewTabs()->currentWidget() == window.rawLogView());
  REQUIRE(t::wait_until([&] { return opened.count() == 1; }));
  const auto location = window.rawLogView()->location();
  REQUIRE(location.has_value());
  CHECK(location->run == RunId{2});
  CHECK(location->file == change->to_source->file);
  CHECK(location->range == st::ByteRange{change->to_source->offset, change->to_source->length});
  auto* text = window.rawLogView()->textView();
  REQUIRE(t::wait_until([&] { return text->indexComplete(); }));
  CHECK(text->highlight() == std::optional<st::ByteRange>(location->range));
  const std::string key = change->key.substr(change->key.find(':') + 1);
  CHECK(text->lineText(text->lineAt(location->range.offset)).startsWith(QString::fromStdString(key)));
}

TEST_CASE("diff view with one run says a diff needs two", "[ui][diff]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("one.sqlite")).toStdString();
  t::ingest_or_fail(store, t::sample_run(1));
  st::ui::StoreSession session(store);
  DiffView view(session);
  QAbstractItemModelTester tester(view.changeModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
  QSignalSpy shown(&view, &DiffView::diffShown);
  view.refresh();
  REQUIRE(t::wait_until([&] { return shown.count() == 1; }));
  CHECK(view.changeModel()->rowCount() == 0);
  CHECK(view.summaryLabel()->text().contains(QStringLiteral("two runs")));
}

TEST_CASE("diff view follows one device through its last captures", "[ui][diff]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path root = dir.path().toStdString();
  st::generate::GenerateOptions g;
  g.out_dir = root / "fleet";
  g.devices = 4;
  g.runs = 4;
  g.seed = 5;
  g.profile = st::generate::Profile::Lean;
  g.change_rate = 30;
  REQUIRE(st::generate::generate(g));
  const auto store = root / "fleet.sqlite";
  for (int run = 1; run <= 4; ++run) t::ingest_or_fail(store, root / "fleet" / ("run-" + std::to_string(run)));

  st::ui::StoreSession session(store);
  DiffView view(session);
  QAbstractItemModelTester tester(view.changeModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
  QSignalSpy shown(&view, &DiffView::diffShown);
  view.refresh();
  REQUIRE(t::wait_until([&] { return shown.count() == 1 && !view.isLoading(); }));
  // The chooser lists every device after "All devices".
  REQUIRE(view.deviceBox()->count() >= 5);
  CHECK(view.deviceBox()->currentIndex() == 0);
  CHECK_FALSE(view.lastBox()->isEnabled());
  const QString host = view.deviceBox()->itemData(1).toString();
  REQUIRE_FALSE(host.isEmpty());

  shown.clear();
  view.showDeviceCaptures(host, 3);
  REQUIRE(t::wait_until([&] { return shown.count() == 1 && !view.isLoading(); }));
  CHECK(view.device() == host);
  CHECK(view.lastBox()->isEnabled());
  CHECK(view.lastBox()->value() == 3);
  auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
  REQUIRE(db);
  auto expected = st::diff::diff_device_captures(*db, host.toStdString(), 3, {});
  REQUIRE(expected);
  REQUIRE(expected->runs.size() == 3);
  auto* model = view.changeModel();
  REQUIRE(model->rowCount() == static_cast<int>(expected->changes.size()));
  REQUIRE(model->rowCount() > 0);
  std::set<std::string> pairs;
  for (int row = 0; row < model->rowCount(); ++row) {
    CHECK(st::diff::to_json(*model->rowAt(row)) == st::diff::to_json(expected->changes[static_cast<std::size_t>(row)]));
    CHECK(model->rowAt(row)->device == host.toStdString());
    pairs.insert(model->index(row, static_cast<int>(st::ui::DiffChangeColumn::Runs)).data().toString().toStdString());
  }
  for (const auto& pair : pairs) {
    INFO(pair);
    CHECK((pair == fmt::format("{} → {}", expected->runs[0].value, expected->runs[1].value) ||
           pair == fmt::format("{} → {}", expected->runs[1].value, expected->runs[2].value)));
  }
  CHECK(view.summaryLabel()->text().contains(QStringLiteral("last 3 capture(s)")));

  // Back to the whole store: the latest run against the one before.
  shown.clear();
  view.showDeviceCaptures(QString(), 3);
  REQUIRE(t::wait_until([&] { return shown.count() == 1 && !view.isLoading(); }));
  CHECK(view.device().isEmpty());
  CHECK_FALSE(view.lastBox()->isEnabled());
  auto fleet = st::diff::diff_between(*db, RunId{3}, RunId{4}, {});
  REQUIRE(fleet);
  CHECK(model->rowCount() == static_cast<int>(fleet->size()));
}
