// The detection-rule editor tab (issue #8) on the sample site's store: the rules in force with
// their origin and enabled flag, the shipped port-flapping rule dry-run on a stored run as the
// live preview (its findings the core's), a threshold raised until the findings change, a
// JSON syntax error and a schema error at their line and column, two quick edits showing only
// the last preview, Save as user versions, Rollback, the enabled toggle kept in the store,
// screenshots in light and dark, and Export Rule Pack… carrying an edited threshold.
#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

#include <fstream>
#include <map>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "insights/detection_store.h"
#include "insights/rule_dry_run.h"
#include "insights/rule_set.h"
#include "store/store.h"
#include "ui/main_window.h"
#include "ui/rule_tasks.h"
#include "ui/store_session.h"
#include "ui/theme.h"
#include "ui/views/detection_rule_editor_view.h"
#include "ui_test_support.h"

using st::ui::DetectionRuleColumn;
using st::ui::DetectionRuleEditorView;
using st::ui::MainWindow;
using Tester = QAbstractItemModelTester;
namespace t = st::ui::test;

namespace {

constexpr const char* kRule = "port-flapping";

// What the core finds with `rule` on `run`, its min_transitions overridden when given:
// the devices of the findings, one entry per finding.
std::multiset<std::string> core_findings(const std::filesystem::path& store, st::RunId run,
                                         std::optional<double> min_transitions = std::nullopt) {
  auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
  REQUIRE(db);
  auto set = st::insights::DetectionRuleSet::load(*db);
  REQUIRE(set);
  if (min_transitions) {
    auto rule = st::insights::load_detection_rule(set->find(kRule)->body, "test", {{"min_transitions", *min_transitions}});
    REQUIRE(rule);
    set->put(std::move(*rule));
  }
  auto dry = st::insights::dry_run_rule(*db, *set, kRule, run);
  REQUIRE(dry);
  std::multiset<std::string> devices;
  for (const auto& f : dry->findings) devices.insert(f.device);
  return devices;
}

std::multiset<std::string> shown_findings(const DetectionRuleEditorView& view) {
  std::multiset<std::string> devices;
  for (int row = 0; row < view.findingModel()->rowCount(); ++row) devices.insert(view.findingModel()->rowAt(row)->device);
  return devices;
}

// Replaces the first `from` in the editor as typing would (one edit, textChanged fires).
void replace_in(QPlainTextEdit* edit, const QString& from, const QString& to) {
  QTextCursor found = edit->document()->find(from, 0, QTextDocument::FindCaseSensitively);
  REQUIRE_FALSE(found.isNull());
  found.insertText(to);
}

// "line L, column C: " of a character position in the editor, 1-based.
QString place_of(const QPlainTextEdit* edit, int position) {
  const QTextBlock block = edit->document()->findBlock(position);
  return QStringLiteral("line %1, column %2: ").arg(block.blockNumber() + 1).arg(position - block.position() + 1);
}


QImage grab_and_check(MainWindow& window, const QString& file_name) {
  QTest::qWait(50);  // let the last layout pass paint
  const QImage shot = window.grab().toImage();
  REQUIRE(shot.save(t::screenshot_dir() + QStringLiteral("/") + file_name));
  const auto stats = t::image_stats(shot);
  CHECK(stats.distinct_colors >= 16);
  CHECK(stats.dominant_share < 0.9);  // not one flat colour
  return shot;
}

}  // namespace

TEST_CASE("detection rule editor previews a rule on a stored run, edits thresholds, saves and rolls back",
          "[ui][detection]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("detect.sqlite")).toStdString();
  t::ingest_or_fail(store, t::sample_run(1));
  t::ingest_or_fail(store, t::sample_run(2));

  // The run where the core finds the most flapping: the one the preview is tried on.
  st::RunId run{0};
  std::multiset<std::string> expected;
  for (const auto& r : t::runs_in(store)) {
    auto found = core_findings(store, r.id);
    if (found.size() > expected.size() || run.value == 0) {
      run = r.id;
      expected = std::move(found);
    }
  }
  REQUIRE(expected.size() >= 1);
  const auto expected_strict = core_findings(store, run, 1000);
  REQUIRE(expected_strict.size() < expected.size());

  MainWindow window(store, st::ui::AppSettings::atPath(dir.filePath(QStringLiteral("settings.ini"))));
  window.resize(1500, 900);
  DetectionRuleEditorView* view = window.detectionRuleEditorView();
  window.viewTabs()->setCurrentWidget(view);
  window.show();
  Tester list_tester(view->listModel(), Tester::FailureReportingMode::Fatal);
  Tester history_tester(view->historyModel(), Tester::FailureReportingMode::Fatal);
  Tester findings_tester(view->findingModel(), Tester::FailureReportingMode::Fatal);

  QSignalSpy catalog(view, &DetectionRuleEditorView::catalogLoaded);
  view->refresh();
  REQUIRE(t::wait_until([&] { return catalog.count() >= 1; }));

  // The list: every rule the core has in force, with its origin, flag, severity and title.
  {
    auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
    REQUIRE(db);
    auto set = st::insights::DetectionRuleSet::load(*db);
    REQUIRE(set);
    REQUIRE(view->listModel()->rowCount() == static_cast<int>(set->rules().size()));
    const int row = view->listModel()->rowOf(QString::fromLatin1(kRule));
    REQUIRE(row >= 0);
    auto cell = [&](DetectionRuleColumn column, int role = Qt::DisplayRole) {
      return view->listModel()->index(row, int(column)).data(role);
    };
    const auto* rule = set->find(kRule);
    CHECK(cell(DetectionRuleColumn::Origin).toString() == QStringLiteral("shipped"));
    CHECK(cell(DetectionRuleColumn::Enabled, Qt::CheckStateRole).toInt() == Qt::Checked);
    CHECK(cell(DetectionRuleColumn::Severity).toString() == QStringLiteral("warning"));
    CHECK(cell(DetectionRuleColumn::Title).toString() == QString::fromStdString(rule->title));
    CHECK(view->listModel()->flags(view->listModel()->index(row, int(DetectionRuleColumn::Enabled))) & Qt::ItemIsUserCheckable);
  }
  // The stored runs to try a rule on, newest first.
  REQUIRE(view->runChooser()->count() == 2);
  CHECK(view->runChooser()->itemData(0).toLongLong() > view->runChooser()->itemData(1).toLongLong());
  view->runChooser()->setCurrentIndex(view->runChooser()->findData(QVariant::fromValue<qlonglong>(run.value)));

  // Open the rule: its JSON, its thresholds with the shipped defaults, and the preview on the run.
  QSignalSpy shown(view, &DetectionRuleEditorView::previewShown);
  QSignalSpy history(view, &DetectionRuleEditorView::historyLoaded);
  REQUIRE(view->openRule(QString::fromLatin1(kRule)));
  CHECK(view->jsonEditor()->toPlainText().startsWith(QStringLiteral("{\n  \"$schema\"")));
  CHECK(view->jsonEditor()->toPlainText().contains(QStringLiteral("\"min_count\": \"$min_transitions\"")));
  REQUIRE(view->thresholdEditor(QStringLiteral("min_transitions")) != nullptr);
  REQUIRE(view->thresholdEditor(QStringLiteral("window_seconds")) != nullptr);
  CHECK(view->thresholdEditor(QStringLiteral("min_transitions"))->value() == 5);
  CHECK(view->thresholdEditor(QStringLiteral("window_seconds"))->value() == 600);
  QStringList defaults;
  for (const QLabel* label : view->findChildren<QLabel*>()) {
    if (label->text().startsWith(QStringLiteral("(default "))) defaults << label->text();
  }
  defaults.sort();
  CHECK(defaults == QStringList{QStringLiteral("(default 5)"), QStringLiteral("(default 600)")});
  REQUIRE(t::wait_until([&] { return history.count() >= 1; }));
  CHECK(view->historyModel()->rowCount() == 0);  // shipped: never saved in this store
  REQUIRE(t::wait_until([&] { return shown.count() >= 1 && !view->preview()->isBusy(); }));
  CHECK(view->problemList()->count() == 0);
  CHECK(shown_findings(*view) == expected);
  CHECK(view->statusLabel()->text().startsWith(
      QStringLiteral("%1 finding(s) on run %2 · ").arg(expected.size()).arg(run.value)));
  CHECK(view->statusLabel()->text().contains(QStringLiteral("evaluated in")));

  // Two quick edits: the first one's answer comes back after the second edit and is dropped.
  QSignalSpy dropped(view->preview(), &st::ui::LatestOnlyRunner::dropped);
  shown.clear();
  const QString summary_key = QStringLiteral("\"summary\": \"");
  quint64 second = 0;
  QMetaObject::Connection once;
  once = QObject::connect(view->preview(), &st::ui::LatestOnlyRunner::started, view, [&] {
    QObject::disconnect(once);
    replace_in(view->jsonEditor(), summary_key + QStringLiteral("first "), summary_key + QStringLiteral("second "));
    second = view->preview()->generation();
  });
  replace_in(view->jsonEditor(), summary_key, summary_key + QStringLiteral("first "));
  const quint64 first = view->preview()->generation();
  REQUIRE(t::wait_until([&] { return second != 0 && shown.count() >= 1 && !view->preview()->isBusy(); }));
  REQUIRE(second > first);
  CHECK(dropped.count() >= 1);
  CHECK(dropped.last().at(0).toULongLong() == first);
  REQUIRE(shown.count() == 1);
  CHECK(shown.at(0).at(0).toULongLong() == second);
  REQUIRE(view->findingModel()->rowCount() == static_cast<int>(expected.size()));
  for (int row = 0; row < view->findingModel()->rowCount(); ++row) {
    CHECK(QString::fromStdString(view->findingModel()->rowAt(row)->summary).startsWith(QStringLiteral("second ")));
  }

  // A JSON syntax error: named at its line and column, underlined there, the cursor goes there.
  const QString severity = QStringLiteral("\"severity\": \"warning\"");
  replace_in(view->jsonEditor(), severity, QStringLiteral("\"severity\": @\"warning\""));
  REQUIRE(t::wait_until([&] {
    return view->problemList()->count() == 1 &&
           view->problemList()->item(0)->text().contains(QStringLiteral("not valid JSON"));
  }));
  const int at_sign = view->jsonEditor()->document()->find(QStringLiteral("@")).selectionStart();
  REQUIRE(at_sign > 0);
  INFO(view->problemList()->item(0)->text().toStdString());
  CHECK(view->problemList()->item(0)->text().startsWith(place_of(view->jsonEditor(), at_sign)));
  CHECK(view->findingModel()->rowCount() == 0);
  CHECK(view->statusLabel()->text() == QStringLiteral("The rule does not load: see Problems."));
  REQUIRE(view->jsonEditor()->extraSelections().size() == 1);
  CHECK(view->jsonEditor()->extraSelections().at(0).cursor.selectionStart() == at_sign);
  view->jsonEditor()->moveCursor(QTextCursor::Start);
  emit view->problemList()->itemClicked(view->problemList()->item(0));
  CHECK(view->jsonEditor()->textCursor().position() == at_sign);

  // A schema error: the JSON pointer the core names, and the member's value underlined.
  replace_in(view->jsonEditor(), QStringLiteral("@\"warning\""), QStringLiteral("\"loud\""));
  REQUIRE(t::wait_until([&] {
    return view->problemList()->count() >= 1 && view->problemList()->item(0)->text().contains(QStringLiteral("/severity"));
  }));
  const int loud = view->jsonEditor()->document()->find(QStringLiteral("\"loud\"")).selectionStart();
  CHECK(view->problemList()->item(0)->text().startsWith(place_of(view->jsonEditor(), loud)));
  REQUIRE_FALSE(view->jsonEditor()->extraSelections().isEmpty());
  CHECK(view->jsonEditor()->extraSelections().at(0).cursor.selectionStart() == loud);
  replace_in(view->jsonEditor(), QStringLiteral("\"loud\""), QStringLiteral("\"warning\""));
  REQUIRE(t::wait_until([&] { return view->problemList()->count() == 0 && view->findingModel()->rowCount() > 0; }));

  // Save: user version 1, listed as a user rule; an edit saved again is version 2.
  QSignalSpy changed(view, &DetectionRuleEditorView::changed);
  QSignalSpy failed(view, &DetectionRuleEditorView::failed);
  history.clear();
  REQUIRE(view->isModified());
  view->save();
  REQUIRE(t::wait_until([&] { return (changed.count() == 1 && history.count() >= 1) || failed.count() > 0; }));
  REQUIRE(failed.count() == 0);
  CHECK(changed.at(0).at(0).toString() == QStringLiteral("saved port-flapping as user version 1"));
  CHECK_FALSE(view->isModified());
  REQUIRE(t::wait_until([&] {
    const int row = view->listModel()->rowOf(QString::fromLatin1(kRule));
    return row >= 0 && view->listModel()->rowAt(row)->origin == "user";
  }));
  replace_in(view->jsonEditor(), summary_key + QStringLiteral("second "), summary_key + QStringLiteral("third "));
  history.clear();
  view->save();
  REQUIRE(t::wait_until([&] { return (changed.count() == 2 && history.count() >= 1) || failed.count() > 0; }));
  REQUIRE(failed.count() == 0);
  CHECK(view->historyModel()->rowCount() == 2);
  std::string v1_body;
  {
    auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
    REQUIRE(db);
    auto versions = st::insights::stored_rule_versions(*db, kRule);
    REQUIRE(versions);
    REQUIRE(versions->size() == 2);
    CHECK(versions->front().version == 2);
    CHECK(versions->front().active);
    CHECK_THAT(nlohmann::json::parse(versions->front().body).at("summary").get<std::string>(), Catch::StartsWith("third "));
    v1_body = versions->back().body;
    CHECK_THAT(nlohmann::json::parse(v1_body).at("summary").get<std::string>(), Catch::StartsWith("second "));
  }

  // Rollback to version 1: stored again as version 3, and the editor shows it.
  history.clear();
  view->rollbackTo(1);
  REQUIRE(t::wait_until([&] { return changed.count() == 3 || failed.count() > 0; }));
  REQUIRE(failed.count() == 0);
  CHECK(changed.at(2).at(0).toString() == QStringLiteral("port-flapping: version 1 restored as version 3"));
  REQUIRE(t::wait_until([&] {
    return view->historyModel()->rowCount() == 3 &&
           view->jsonEditor()->toPlainText().contains(summary_key + QStringLiteral("second "));
  }));
  {
    auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
    REQUIRE(db);
    auto versions = st::insights::stored_rule_versions(*db, kRule);
    REQUIRE(versions);
    REQUIRE(versions->size() == 3);
    CHECK(versions->front().version == 3);
    CHECK(versions->front().body == v1_body);
  }
  REQUIRE(t::wait_until([&] { return !view->preview()->isBusy() && shown_findings(*view) == expected; }));

  // A threshold raised: stored at once, and the preview finds what the core finds with it.
  QDoubleSpinBox* min_transitions = view->thresholdEditor(QStringLiteral("min_transitions"));
  REQUIRE(min_transitions != nullptr);
  min_transitions->setValue(1000);
  REQUIRE(t::wait_until([&] { return changed.count() >= 4 || failed.count() > 0; }));
  REQUIRE(failed.count() == 0);
  REQUIRE(t::wait_until([&] { return !view->preview()->isBusy() && shown_findings(*view) == expected_strict; }));
  {
    auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
    REQUIRE(db);
    auto settings = st::insights::rule_settings(*db);
    REQUIRE(settings);
    CHECK(settings->at(kRule).params.at("min_transitions") == 1000);
  }

  // Back to the shipped default: the findings come back.
  min_transitions->setValue(5);
  REQUIRE(t::wait_until([&] { return !view->preview()->isBusy() && shown_findings(*view) == expected; }));
  WARN("port-flapping on run " << run.value << ": " << expected.size() << " finding(s), "
                               << expected_strict.size() << " with min_transitions 1000; "
                               << view->statusLabel()->text().toStdString());

  // Light and dark screenshots of the editor with its preview.
  const QImage light_shot = grab_and_check(window, QStringLiteral("detection-rules.png"));
  st::ui::apply_theme(*qApp, st::ui::Theme::Dark);
  const QImage dark_shot = grab_and_check(window, QStringLiteral("detection-rules-dark.png"));
  st::ui::apply_theme(*qApp, st::ui::Theme::System);
  CHECK(light_shot != dark_shot);
}

TEST_CASE("detection rule editor: the enabled check box is stored at once and read back after reopening",
          "[ui][detection]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("detect.sqlite")).toStdString();
  t::ingest_or_fail(store, t::fixture_bundle());
  auto enabled_in_view = [](DetectionRuleEditorView& view) {
    const int row = view.listModel()->rowOf(QString::fromLatin1(kRule));
    REQUIRE(row >= 0);
    return view.listModel()->index(row, int(DetectionRuleColumn::Enabled)).data(Qt::CheckStateRole).toInt() == Qt::Checked;
  };
  {
    st::ui::StoreSession session(store);
    DetectionRuleEditorView view(session);
    Tester list_tester(view.listModel(), Tester::FailureReportingMode::Fatal);
    QSignalSpy catalog(&view, &DetectionRuleEditorView::catalogLoaded);
    QSignalSpy changed(&view, &DetectionRuleEditorView::changed);
    view.refresh();
    REQUIRE(t::wait_until([&] { return catalog.count() == 1; }));
    REQUIRE(enabled_in_view(view));
    const int row = view.listModel()->rowOf(QString::fromLatin1(kRule));
    REQUIRE(view.listModel()->setData(view.listModel()->index(row, int(DetectionRuleColumn::Enabled)), Qt::Unchecked,
                                      Qt::CheckStateRole));
    CHECK_FALSE(enabled_in_view(view));  // shown at once
    REQUIRE(t::wait_until([&] { return changed.count() == 1; }));
    CHECK(changed.at(0).at(0).toString() == QStringLiteral("rule port-flapping disabled"));
  }
  // A new session on the same store: the core and the editor read the rule as disabled.
  {
    auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
    REQUIRE(db);
    auto set = st::insights::DetectionRuleSet::load(*db);
    REQUIRE(set);
    CHECK_FALSE(set->find(kRule)->enabled);
  }
  st::ui::StoreSession session(store);
  DetectionRuleEditorView view(session);
  QSignalSpy catalog(&view, &DetectionRuleEditorView::catalogLoaded);
  view.refresh();
  REQUIRE(t::wait_until([&] { return catalog.count() == 1; }));
  CHECK_FALSE(enabled_in_view(view));
  // The other rules kept their flags.
  const int other = view.listModel()->rowOf(QStringLiteral("auth-failures"));
  REQUIRE(other >= 0);
  CHECK(view.listModel()->index(other, int(DetectionRuleColumn::Enabled)).data(Qt::CheckStateRole).toInt() == Qt::Checked);
}

TEST_CASE("detection rule editor exports a rule with its edited threshold into a pack the Rules tab imports",
          "[ui][detection]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("detect.sqlite")).toStdString();
  t::ingest_or_fail(store, t::sample_run(1));
  MainWindow window(store, st::ui::AppSettings::atPath(dir.filePath(QStringLiteral("settings.ini"))));
  DetectionRuleEditorView* view = window.detectionRuleEditorView();
  window.viewTabs()->setCurrentWidget(view);
  window.show();
  QSignalSpy catalog(view, &DetectionRuleEditorView::catalogLoaded);
  QSignalSpy changed(view, &DetectionRuleEditorView::changed);
  QSignalSpy failed(view, &DetectionRuleEditorView::failed);
  view->refresh();
  REQUIRE(t::wait_until([&] { return catalog.count() >= 1 && !view->isBusy(); }));

  // Nothing open and nothing stored: there is nothing to export, and the view says so.
  view->exportPack(dir.filePath(QStringLiteral("empty.json")));
  REQUIRE(t::wait_until([&] { return failed.count() == 1; }));
  CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("empty.json"))));

  // The shipped rule, its threshold raised in the Thresholds box (stored at once).
  REQUIRE(view->openRule(QString::fromLatin1(kRule)));
  QDoubleSpinBox* min_transitions = view->thresholdEditor(QStringLiteral("min_transitions"));
  REQUIRE(min_transitions != nullptr);
  REQUIRE(min_transitions->value() != 9);
  min_transitions->setValue(9);
  REQUIRE(t::wait_until([&] { return changed.count() >= 1; }));
  CHECK(changed.last().at(0).toString().contains(QStringLiteral("min_transitions")));

  // Export Rule Pack… is in the tab and in the window's Rules menu.
  REQUIRE(view->exportAction() != nullptr);
  bool in_rules_menu = false;
  for (QAction* menu : window.menuBar()->actions()) {
    if (menu->menu() && menu->menu()->actions().contains(view->exportAction())) in_rules_menu = true;
  }
  CHECK(in_rules_menu);

  const QString pack_path = dir.filePath(QStringLiteral("tuned.json"));
  changed.clear();
  view->exportPack(pack_path);
  REQUIRE(t::wait_until([&] { return changed.count() >= 1 || failed.count() > 1; }));
  REQUIRE(failed.count() == 1);
  CHECK(changed.last().at(0).toString().startsWith(QStringLiteral("exported 1 detection rule(s)")));
  std::ifstream in(pack_path.toStdString());
  const auto pack = nlohmann::json::parse(in);
  REQUIRE(pack.at("detection_rules").size() == 1);
  CHECK(pack.at("detection_rules")[0].at("rule").at("id") == kRule);
  CHECK(pack.at("detection_rules")[0].at("rule").at("params").at("min_transitions") == 9);
  CHECK(pack.at("rules").empty());

  // Another store takes the pack through the Rules tab's import: the rule arrives tuned.
  const std::filesystem::path fresh = dir.filePath(QStringLiteral("fresh.sqlite")).toStdString();
  const auto imported = st::ui::import_rule_pack(fresh, pack_path.toStdString(), false);
  INFO((imported.error ? imported.error->describe() : std::string()));
  REQUIRE_FALSE(imported.error);
  CHECK_THAT(imported.message, Catch::Contains("1 detection rule(s)"));
  auto db = st::store::open_store(fresh, st::store::OpenMode::ReadOnly);
  REQUIRE(db);
  auto set = st::insights::DetectionRuleSet::load(*db);
  REQUIRE(set);
  const auto* rule = set->find(kRule);
  REQUIRE(rule != nullptr);
  CHECK(rule->origin == st::insights::RuleOrigin::Pack);
  CHECK(rule->params.at("min_transitions") == 9);
  auto settings = st::insights::rule_settings(*db);
  REQUIRE(settings);
  CHECK(settings->count(kRule) == 0);  // carried by the rule itself, not by a setting of the new store
}
