// The rule editor tab (issue #8) on a real store: open a user rule, live preview on a sample
// file (async, debounced, stale answers dropped), an invalid pattern's error at its line and
// column, save as version 2, rollback to version 1 as version 3, and a screenshot.
#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QTableView>
#include <QItemSelectionModel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimer>
#include <QTest>
#include <QTextDocument>
#include <QTextLayout>
#include <QApplication>

#include <fstream>

#include "store/rule_store.h"
#include "store/store.h"
#include "insights/rule_set.h"
#include "rules/rule_pack.h"
#include "ui/main_window.h"
#include "ui/models/rule_records_model.h"
#include "ui/latest_only_runner.h"
#include "ui/store_session.h"
#include "ui/views/rule_editor_view.h"
#include "ui/views/rule_highlighter.h"
#include "ui_test_support.h"

using st::ui::MainWindow;
using st::ui::RuleEditorView;
namespace t = st::ui::test;

namespace {

const char* kRule = R"json({"id": "lab/inventory", "kind": "regex", "version": 1,
  "description": "show inventory: one record per NAME line",
  "applies_to": [{"platform": "cisco_ios", "command": "show inventory"}],
  "output": {"table": "records"},
  "regex": {"patterns": ["^NAME: \"(?P<name>[^\"]*)\", DESCR: \"(?P<descr>[^\"]*)\""]},
  "samples": [{"name": "one chassis", "input": ["NAME: \"1\", DESCR: \"WS-C2960X-48FPD-L\""],
               "expected": [{"name": "1", "descr": "WS-C2960X-48FPD-L"}]}]})json";

const char* kInventory =
    "NAME: \"1\", DESCR: \"WS-C2960X-48FPD-L\"\n"
    "PID: WS-C2960X-48FPD-L  , VID: V05  , SN: FOC2101X0AB\n"
    "NAME: \"Switch 1 - Power Supply A\", DESCR: \"FRU Power Supply\"\n"
    "PID: PWR-C1-350WAC  , VID: V02  , SN: DCA2112G1AB\n"
    "NAME: \"GigabitEthernet1/0/49\", DESCR: \"1000BaseSX SFP\"\n"
    "PID: GLC-SX-MMD  , VID: V01  , SN: AGM1812345X\n";

void write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  REQUIRE(out.good());
}

// Replaces the first `from` in the editor as typing would (one edit, textChanged fires).
void replace_in(QPlainTextEdit* edit, const QString& from, const QString& to) {
  QTextCursor found = edit->document()->find(from, 0, QTextDocument::FindCaseSensitively);
  REQUIRE_FALSE(found.isNull());
  found.insertText(to);
}

}  // namespace

TEST_CASE("rule editor previews live, shows errors in place, saves versions and rolls back", "[ui][rules]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("rules.sqlite")).toStdString();
  {
    auto db = st::store::open_store(store, st::store::OpenMode::ReadWrite);
    REQUIRE(db);
    const std::string compact = nlohmann::ordered_json::parse(kRule).dump();
    REQUIRE(st::store::save_rule_version(*db, st::store::RuleSave{"lab/inventory", compact, "user", {}, "saved"}));
  }
  const QString sample = dir.filePath(QStringLiteral("inventory.txt"));
  write(sample.toStdString(), kInventory);

  MainWindow window(store, st::ui::AppSettings::atPath(dir.filePath(QStringLiteral("settings.ini"))));
  window.resize(1500, 900);
  RuleEditorView* view = window.ruleEditorView();
  window.viewTabs()->setCurrentWidget(view);
  window.show();
  using Tester = QAbstractItemModelTester;
  Tester list_tester(view->listModel(), Tester::FailureReportingMode::Fatal);
  Tester history_tester(view->historyModel(), Tester::FailureReportingMode::Fatal);
  Tester records_tester(view->recordsModel(), Tester::FailureReportingMode::Fatal);

  // The Rules menu holds only what works.
  QStringList rule_menu;
  for (QAction* action : window.menuBar()->actions()) {
    if (action->text() == QStringLiteral("&Rules")) {
      for (QAction* item : action->menu()->actions()) {
        if (!item->isSeparator()) rule_menu << item->text();
      }
    }
  }
  CHECK(rule_menu == QStringList{QStringLiteral("&Save Rule Version"), QStringLiteral("&Import Rule Pack…"),
                                 QStringLiteral("&Export Rule Pack…"), QStringLiteral("Export &Detection Rule Pack…")});

  QSignalSpy catalog(view, &RuleEditorView::catalogLoaded);
  view->refresh();
  REQUIRE(t::wait_until([&] { return catalog.count() == 1; }));
  CHECK_FALSE(view->saveAction()->isEnabled());  // nothing to save before a rule is open
  CHECK(view->saveAction()->shortcut() == QKeySequence(QKeySequence::Save));
  int user_row = -1, shipped_clock = -1;
  for (int row = 0; row < view->listModel()->rowCount(); ++row) {
    const auto* r = view->listModel()->rowAt(row);
    if (r->id == "lab/inventory") user_row = row;
    if (r->id == "cisco_ios/show_clock") shipped_clock = row;
  }
  REQUIRE(user_row >= 0);
  REQUIRE(shipped_clock >= 0);
  auto cell = [&](int row, st::ui::RuleListColumn column) {
    return view->listModel()->index(row, int(column)).data().toString();
  };
  CHECK(cell(user_row, st::ui::RuleListColumn::Origin) == QStringLiteral("user"));
  CHECK(cell(user_row, st::ui::RuleListColumn::Version) == QStringLiteral("1"));
  CHECK(cell(user_row, st::ui::RuleListColumn::Kind) == QStringLiteral("regex"));
  CHECK(cell(shipped_clock, st::ui::RuleListColumn::Origin) == QStringLiteral("shipped"));
  CHECK(cell(shipped_clock, st::ui::RuleListColumn::Enabled) == QStringLiteral("no"));

  // Open the rule: its embedded sample previews first, then the chosen file.
  QSignalSpy shown(view, &RuleEditorView::previewShown);
  QSignalSpy history(view, &RuleEditorView::historyLoaded);
  REQUIRE(view->openRule(QStringLiteral("lab/inventory")));
  REQUIRE(t::wait_until([&] { return history.count() >= 1; }));
  CHECK(view->historyModel()->rowCount() == 1);
  REQUIRE(t::wait_until([&] { return view->recordsModel()->rowCount() == 1; }));
  CHECK(view->sampleChooser()->currentText().contains(QStringLiteral("one chassis")));
  CHECK(view->problemList()->count() == 0);  // the sample gives what it expects

  REQUIRE(view->setSampleFile(sample));
  REQUIRE(t::wait_until([&] { return view->recordsModel()->rowCount() == 3; }));
  CHECK(view->recordsModel()->fieldNames() == QStringList{QStringLiteral("name"), QStringLiteral("descr")});
  CHECK(view->recordsModel()->index(1, 0).data().toString() == QStringLiteral("Switch 1 - Power Supply A"));
  CHECK(view->matchedSampleLines() == QList<int>{1, 3, 5});
  CHECK(view->sampleView()->extraSelections().size() == 3);
  CHECK(view->sampleView()->toPlainText().startsWith(QStringLiteral("NAME: \"1\"")));

  // Edit the pattern: the field is renamed and the preview follows, off the GUI thread.
  replace_in(view->jsonEditor(), QStringLiteral("(?P<descr>"), QStringLiteral("(?P<description>"));
  REQUIRE(t::wait_until([&] { return view->recordsModel()->fieldNames().contains(QStringLiteral("description")); }));
  CHECK(view->recordsModel()->rowCount() == 3);
  CHECK(view->recordsModel()->index(2, 1).data().toString() == QStringLiteral("1000BaseSX SFP"));
  // The embedded sample now differs from what it expects: reported, not enforced (Save
  // enforces it), until its expected record follows the rename.
  REQUIRE(t::wait_until([&] { return view->problemList()->count() >= 1; }));
  CHECK(view->problemList()->item(0)->text().contains(QStringLiteral("sample 'one chassis'")));
  replace_in(view->jsonEditor(), QStringLiteral(R"("descr": "WS)"), QStringLiteral(R"("description": "WS)"));
  REQUIRE(t::wait_until([&] { return view->problemList()->count() == 0; }));

  // An invalid pattern: the error names its column, is underlined at that character in the
  // JSON, and clicking it puts the cursor there.
  const QString good_pattern = QStringLiteral(R"("^NAME: \"(?P<name>[^\"]*)\", DESCR: \"(?P<description>[^\"]*)\"")");
  const QString bad_pattern = QStringLiteral(R"("^NAME: (?P<name>[a-")");
  replace_in(view->jsonEditor(), good_pattern, bad_pattern);
  REQUIRE(t::wait_until([&] {
    return view->problemList()->count() == 1 &&
           view->problemList()->item(0)->text().contains(QStringLiteral("bad pattern at column"));
  }));
  CHECK(view->recordsModel()->rowCount() == 0);
  const QString problem = view->problemList()->item(0)->text();
  INFO(problem.toStdString());
  CHECK(problem.contains(QStringLiteral("/regex/patterns/0")));
  // PCRE2 stops at the end of "^NAME: (?P<name>[a-" (19 characters): column 20, the closing quote.
  CHECK(problem.contains(QStringLiteral("bad pattern at column 20")));
  const QTextCursor bad = view->jsonEditor()->document()->find(bad_pattern);
  REQUIRE_FALSE(bad.isNull());
  const int quote = bad.selectionEnd() - 1;  // the literal's closing quote
  const QTextBlock block = view->jsonEditor()->document()->findBlock(quote);
  CHECK(problem.startsWith(
      QStringLiteral("line %1, column %2:").arg(block.blockNumber() + 1).arg(quote - block.position() + 1)));
  REQUIRE(view->jsonEditor()->extraSelections().size() == 1);
  CHECK(view->jsonEditor()->extraSelections().at(0).cursor.selectionStart() == quote);
  view->jsonEditor()->moveCursor(QTextCursor::Start);
  view->problemList()->setCurrentRow(0);
  emit view->problemList()->itemClicked(view->problemList()->item(0));
  CHECK(view->jsonEditor()->textCursor().position() == quote);

  // Back to a good pattern, then Save: version 2 in the store.
  replace_in(view->jsonEditor(), bad_pattern, good_pattern);
  REQUIRE(t::wait_until([&] { return view->recordsModel()->rowCount() == 3; }));
  QSignalSpy changed(view, &RuleEditorView::changed);
  history.clear();
  REQUIRE(view->saveAction()->isEnabled());
  view->saveAction()->trigger();  // Rules → Save Rule Version
  REQUIRE(t::wait_until([&] { return changed.count() == 1 && history.count() >= 1; }));
  CHECK(changed.at(0).at(0).toString() == QStringLiteral("saved lab/inventory version 2"));
  CHECK(view->historyModel()->rowCount() == 2);
  std::string v1_text;
  {
    auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
    REQUIRE(db);
    auto current = st::store::current_rule(*db, "lab/inventory");
    REQUIRE(current);
    REQUIRE(current->has_value());
    CHECK((*current)->version == 2);
    CHECK_THAT((*current)->rule_json, Catch::Contains("(?P<description>"));
    auto versions = st::store::rule_history(*db, "lab/inventory");
    REQUIRE(versions);
    v1_text = versions->front().rule_json;
  }

  // Rollback to version 1: saved again as version 3, and the editor shows it.
  history.clear();
  changed.clear();
  view->rollbackTo(1);
  REQUIRE(t::wait_until([&] { return changed.count() == 1 && history.count() >= 1; }));
  CHECK(changed.at(0).at(0).toString() == QStringLiteral("lab/inventory: version 1 restored as version 3"));
  // The editor reopens the rule once the list is read again: wait for that, not for a signal
  // an earlier request may also send.
  REQUIRE(t::wait_until([&] {
    return view->historyModel()->rowCount() == 3 &&
           !view->jsonEditor()->toPlainText().contains(QStringLiteral("(?P<description>"));
  }));
  {
    auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
    REQUIRE(db);
    auto current = st::store::current_rule(*db, "lab/inventory");
    REQUIRE(current);
    REQUIRE(current->has_value());
    CHECK((*current)->version == 3);
    CHECK((*current)->rule_json == v1_text);
  }
  REQUIRE(t::wait_until([&] { return view->recordsModel()->fieldNames().contains(QStringLiteral("descr")); }));
  REQUIRE(t::wait_until([&] { return view->recordsModel()->rowCount() == 3; }));

  // A look at the whole editor with its preview.
  window.grab();  // lays the window out once
  QApplication::processEvents();
  const QString shot = t::screenshot_dir() + QStringLiteral("/rule-editor.png");
  const QImage image = window.grab().toImage();
  REQUIRE(image.save(shot));
  const auto stats = t::image_stats(image);
  CHECK(stats.distinct_colors > 20);
  CHECK(stats.dominant_share < 0.9);
}

TEST_CASE("rule editor drops stale previews: two quick edits show only the last", "[ui][rules]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("rules.sqlite")).toStdString();
  {
    auto db = st::store::open_store(store, st::store::OpenMode::ReadWrite);
    REQUIRE(db);
    const std::string compact = nlohmann::ordered_json::parse(kRule).dump();
    REQUIRE(st::store::save_rule_version(*db, st::store::RuleSave{"lab/inventory", compact, "user", {}, "saved"}));
  }
  // 5 MB of inventory (issue #8's figure).
  std::string big;
  while (big.size() < (5u << 20)) big += kInventory;
  const QString sample = dir.filePath(QStringLiteral("big.txt"));
  write(sample.toStdString(), big);

  st::ui::StoreSession session(store);
  RuleEditorView view(session);
  view.resize(1400, 850);
  view.show();
  // A 50 ms timer must keep firing while previews run on the big sample.
  QElapsedTimer clock;
  qint64 last_tick = -1, worst_gap = 0;
  QTimer ticker;
  ticker.setInterval(50);
  QObject::connect(&ticker, &QTimer::timeout, [&] {
    const qint64 now = clock.elapsed();
    if (last_tick >= 0) worst_gap = std::max(worst_gap, now - last_tick);
    last_tick = now;
  });
  QSignalSpy catalog(&view, &RuleEditorView::catalogLoaded);
  view.refresh();
  REQUIRE(t::wait_until([&] { return catalog.count() == 1; }));
  REQUIRE(view.openRule(QStringLiteral("lab/inventory")));
  clock.start();
  ticker.start();
  QTest::qWait(120);  // the ticker has ticked before the big sample arrives
  REQUIRE(view.setSampleFile(sample));
  REQUIRE(t::wait_until([&] { return view.recordsModel()->rowCount() > 1000 && !view.preview()->isBusy(); }, 30000));

  const qint64 load_gap = worst_gap;
  worst_gap = 0;
  QSignalSpy started(view.preview(), &st::ui::LatestOnlyRunner::started);
  QSignalSpy dropped(view.preview(), &st::ui::LatestOnlyRunner::dropped);
  QSignalSpy shown(&view, &RuleEditorView::previewShown);
  // The second edit arrives the moment the first one's run has started: its answer is
  // then certainly older than the newest request (the GUI thread is busy with the edit
  // until after the request, so the run's end is handled after it).
  quint64 second = 0;
  QMetaObject::Connection once;
  once = QObject::connect(view.preview(), &st::ui::LatestOnlyRunner::started, &view, [&] {
    QObject::disconnect(once);
    replace_in(view.jsonEditor(), QStringLiteral("(?P<first>"), QStringLiteral("(?P<second>"));
    second = view.preview()->generation();
  });
  replace_in(view.jsonEditor(), QStringLiteral("(?P<descr>"), QStringLiteral("(?P<first>"));
  const quint64 first = view.preview()->generation();
  REQUIRE(t::wait_until([&] { return started.count() == 2; }));  // the first edit's run, then the second's
  REQUIRE(second > first);
  REQUIRE(t::wait_until([&] { return shown.count() >= 1 && !view.preview()->isBusy(); }, 30000));

  // The first answer came back after the second edit: dropped, never shown.
  CHECK(dropped.count() == 1);
  CHECK(dropped.at(0).at(0).toULongLong() == first);
  REQUIRE(shown.count() == 1);
  CHECK(shown.at(0).at(0).toULongLong() == second);
  CHECK(view.preview()->shownGeneration() == second);
  CHECK(view.recordsModel()->fieldNames() == QStringList{QStringLiteral("name"), QStringLiteral("second")});
  // The window never froze while the rule ran on 5 MB as it was edited. The issue asks for
  // 100 ms; the check leaves room for a machine shared with other builds (the figure is
  // printed), and still catches a preview that runs or fills the sample on the GUI thread.
  WARN("worst gap of a 50 ms timer: " << load_gap << " ms while the sample loaded, " << worst_gap
                                      << " ms while editing");
  CHECK(worst_gap < 250);
  CHECK(load_gap < 500);
}

TEST_CASE("rule highlighter marks TextFSM Values, states, rules, actions and variables", "[ui][rules]") {
  QTextDocument doc;
  st::ui::RuleHighlighter highlighter(st::ui::RuleHighlighter::Mode::Textfsm, &doc);
  doc.setPlainText(QStringLiteral("# comment\nValue Required NAME (\\S+)\n\nStart\n  ^${NAME}\\s+up -> Record\n"));
  highlighter.rehighlight();
  using Token = st::ui::RuleHighlighter::Token;
  auto colour_at = [&](int block, int column) {
    const auto formats = doc.findBlockByNumber(block).layout()->formats();
    for (const auto& range : formats) {
      if (column >= range.start && column < range.start + range.length) return range.format.foreground().color();
    }
    return QColor();
  };
  CHECK(colour_at(0, 2) == highlighter.formatOf(Token::Comment).foreground().color());
  CHECK(colour_at(1, 0) == highlighter.formatOf(Token::Keyword).foreground().color());
  CHECK(colour_at(1, 15) == highlighter.formatOf(Token::Variable).foreground().color());  // NAME
  CHECK(colour_at(3, 0) == highlighter.formatOf(Token::State).foreground().color());
  CHECK(colour_at(4, 4) == highlighter.formatOf(Token::Variable).foreground().color());   // ${NAME}
  CHECK(colour_at(4, 2) == highlighter.formatOf(Token::RuleLine).foreground().color());   // ^
  CHECK(colour_at(4, 20) == highlighter.formatOf(Token::Action).foreground().color());    // Record

  QTextDocument json;
  st::ui::RuleHighlighter json_highlighter(st::ui::RuleHighlighter::Mode::Json, &json);
  json.setPlainText(QStringLiteral("{\"id\": \"x\", \"version\": 2, \"enabled\": false}"));
  json_highlighter.rehighlight();
  auto json_colour = [&](int column) {
    for (const auto& range : json.firstBlock().layout()->formats()) {
      if (column >= range.start && column < range.start + range.length) return range.format.foreground().color();
    }
    return QColor();
  };
  CHECK(json_colour(2) == json_highlighter.formatOf(Token::Key).foreground().color());
  CHECK(json_colour(8) == json_highlighter.formatOf(Token::String).foreground().color());
  CHECK(json_colour(23) == json_highlighter.formatOf(Token::Number).foreground().color());
  CHECK(json_colour(39) == json_highlighter.formatOf(Token::Literal).foreground().color());
}

TEST_CASE("rule editor edits a textfsm rule's template in its own tab and exchanges rule packs", "[ui][rules]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("rules.sqlite")).toStdString();
  t::ingest_or_fail(store, t::fixture_bundle());  // two switches' `show version`, stored
  MainWindow window(store, st::ui::AppSettings::atPath(dir.filePath(QStringLiteral("settings.ini"))));
  window.resize(1500, 900);
  RuleEditorView* view = window.ruleEditorView();
  window.viewTabs()->setCurrentWidget(view);
  window.show();
  QSignalSpy catalog(view, &RuleEditorView::catalogLoaded);
  QSignalSpy stored_listed(view, &RuleEditorView::storedSamplesListed);
  view->refresh();
  REQUIRE(t::wait_until([&] { return catalog.count() == 1; }));

  // A shipped TextFSM rule: the named template is inlined and edited in the Template tab;
  // the JSON holds a placeholder where it goes back.
  REQUIRE(view->openRule(QStringLiteral("cisco_ios/show_version")));
  CHECK(view->editorTabs()->isTabEnabled(1));
  CHECK(view->jsonEditor()->toPlainText().contains(QString::fromLatin1(RuleEditorView::kTemplatePlaceholder)));
  CHECK(view->templateEditor()->toPlainText().contains(QStringLiteral("\nValue VERSION ([^\\s,]+)\n")));
  CHECK_THAT(view->composedRuleText(), Catch::Contains("Value ") && !Catch::Contains(RuleEditorView::kTemplatePlaceholder));
  REQUIRE(t::wait_until([&] { return view->recordsModel()->rowCount() == 1; }));
  CHECK(view->problemList()->count() == 0);  // the shipped samples give what they expect
  CHECK(view->recordsModel()->fieldNames().contains(QStringLiteral("VERSION")));

  // A template error names its template line; clicking it opens the Template tab there.
  QTextCursor start = view->templateEditor()->document()->find(QRegularExpression(QStringLiteral("^Start$")));
  REQUIRE_FALSE(start.isNull());
  const int bad_line = start.block().blockNumber() + 2;  // the line inserted after "Start"
  start.movePosition(QTextCursor::EndOfBlock);
  start.insertText(QStringLiteral("\n  ^Bogus -> Recrd"));
  REQUIRE(t::wait_until([&] {
    return view->problemList()->count() == 1 &&
           view->problemList()->item(0)->text().startsWith(QStringLiteral("template line %1,").arg(bad_line));
  }));
  INFO(view->problemList()->item(0)->text().toStdString());
  CHECK(view->problemList()->item(0)->text().contains(QStringLiteral("Recrd")));
  CHECK(view->templateEditor()->extraSelections().size() == 1);
  view->editorTabs()->setCurrentIndex(0);
  emit view->problemList()->itemClicked(view->problemList()->item(0));
  CHECK(view->editorTabs()->currentWidget() == view->templateEditor());
  CHECK(view->templateEditor()->textCursor().block().blockNumber() + 1 == bad_line);
  QTextCursor bogus = view->templateEditor()->document()->find(QStringLiteral("  ^Bogus -> Recrd"));
  REQUIRE_FALSE(bogus.isNull());
  bogus.movePosition(QTextCursor::StartOfBlock);
  bogus.movePosition(QTextCursor::NextBlock, QTextCursor::KeepAnchor);
  bogus.removeSelectedText();
  REQUIRE(t::wait_until([&] { return view->problemList()->count() == 0 && view->recordsModel()->rowCount() == 1; }));

  // The stored sections the rule applies to are samples too: their output's raw bytes.
  REQUIRE(t::wait_until([&] { return stored_listed.count() >= 1; }));
  CHECK(stored_listed.last().at(0).toInt() == 2);
  const int stored_entry = view->sampleChooser()->findText(QStringLiteral("Stored: BR2-F1-ACC-02 · show version · run 1"));
  REQUIRE(stored_entry >= 0);
  view->sampleChooser()->setCurrentIndex(stored_entry);
  const int hostname = int(view->recordsModel()->fieldNames().indexOf(QStringLiteral("HOSTNAME")));
  REQUIRE(hostname >= 0);
  REQUIRE(t::wait_until([&] {
    return view->recordsModel()->rowCount() == 1 &&
           view->recordsModel()->index(0, hostname).data().toString() == QStringLiteral("BR2-F1-ACC-02");
  }));
  CHECK(view->sampleView()->toPlainText().startsWith(QStringLiteral("Cisco IOS XE Software, Version 16.12.08\n")));
  CHECK_FALSE(view->matchedSampleLines().isEmpty());

  view->editorTabs()->setCurrentIndex(1);
  QApplication::processEvents();
  REQUIRE(window.grab().save(t::screenshot_dir() + QStringLiteral("/rule-editor-template.png")));

  // Export the rule into a pack, then import the pack: it is stored as a pack rule.
  QSignalSpy changed(view, &RuleEditorView::changed);
  QSignalSpy failed(view, &RuleEditorView::failed);
  const QString pack = dir.filePath(QStringLiteral("lab-pack.json"));
  view->exportPack(pack);
  REQUIRE(t::wait_until([&] { return changed.count() == 1 || failed.count() == 1; }));
  REQUIRE(failed.count() == 0);
  CHECK(changed.at(0).at(0).toString().startsWith(QStringLiteral("exported 1 rule(s)")));
  REQUIRE(QFileInfo::exists(pack));
  catalog.clear();
  view->importPack(pack, false);
  REQUIRE(t::wait_until([&] { return changed.count() == 2 || failed.count() == 1; }));
  REQUIRE(failed.count() == 0);
  CHECK(changed.at(1).at(0).toString() == QStringLiteral("pack lab-pack@1: 1 imported, 0 unchanged, 0 replaced"));
  REQUIRE(t::wait_until([&] { return catalog.count() == 1; }));
  bool listed_as_pack = false;
  for (int row = 0; row < view->listModel()->rowCount(); ++row) {
    const auto* r = view->listModel()->rowAt(row);
    if (r->id == "cisco_ios/show_version") listed_as_pack = r->origin == "pack";
  }
  CHECK(listed_as_pack);
  auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
  REQUIRE(db);
  auto stored = st::store::current_rule(*db, "cisco_ios/show_version");
  REQUIRE(stored);
  REQUIRE(stored->has_value());
  CHECK((*stored)->origin == "pack");
  CHECK((*stored)->pack == std::optional<std::string>("lab-pack@1"));

  // A pack carrying a detection rule (as `statetrace-cli rules export` writes them) imports
  // from the editor too: the rule is stored as a pack rule in force.
  auto flapping = st::insights::DetectionRuleSet::load(*db);
  REQUIRE(flapping);
  const auto* shipped = flapping->find("port-flapping");
  REQUIRE(shipped != nullptr);
  auto body = nlohmann::ordered_json::parse(shipped->body.dump());
  body["id"] = "lab-flap";
  body["title"] = "Lab port flapping";
  const QString detection_pack = dir.filePath(QStringLiteral("lab-detect.json"));
  {
    std::ofstream file(detection_pack.toStdString(), std::ios::binary);
    file << st::rules::export_pack(st::rules::PackInfo{"lab-detect", "1", "", ""}, {}, {body}).dump(2) << '\n';
  }
  view->importPack(detection_pack, false);
  REQUIRE(t::wait_until([&] { return changed.count() == 3 || failed.count() == 1; }));
  REQUIRE(failed.count() == 0);
  CHECK(changed.at(2).at(0).toString().endsWith(QStringLiteral("; 1 detection rule(s)")));
  auto reopened = st::store::open_store(store, st::store::OpenMode::ReadOnly);
  REQUIRE(reopened);
  auto after = st::insights::DetectionRuleSet::load(*reopened);
  REQUIRE(after);
  const auto* imported = after->find("lab-flap");
  REQUIRE(imported != nullptr);
  CHECK(imported->origin == st::insights::RuleOrigin::Pack);
  CHECK(imported->title == "Lab port flapping");
}

TEST_CASE("rule editor asks before unsaved edits are dropped", "[ui][rules]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("rules.sqlite")).toStdString();
  st::ui::StoreSession session(store);
  RuleEditorView view(session);
  view.show();
  QSignalSpy catalog(&view, &RuleEditorView::catalogLoaded);
  view.refresh();
  REQUIRE(t::wait_until([&] { return catalog.count() == 1; }));
  REQUIRE(view.openRule(QStringLiteral("cisco_ios/show_clock")));
  CHECK_FALSE(view.isModified());
  CHECK(view.confirmDiscard());  // nothing to lose: no question
  replace_in(view.jsonEditor(), QStringLiteral("\"author\""), QStringLiteral("\"author\" "));
  REQUIRE(view.isModified());

  // Answer the question the list asks when another rule is clicked.
  auto answer = [](QMessageBox::StandardButton button) {
    QTimer::singleShot(0, [button] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      REQUIRE(box != nullptr);
      box->button(button)->click();
    });
  };
  int other = -1;
  for (int row = 0; row < view.listModel()->rowCount(); ++row) {
    if (view.listModel()->rowAt(row)->id == "arista_eos/show_clock") other = row;
  }
  REQUIRE(other >= 0);
  answer(QMessageBox::Cancel);
  view.ruleTable()->selectRow(other);
  QApplication::processEvents();
  CHECK(view.currentRuleId() == QStringLiteral("cisco_ios/show_clock"));
  CHECK(view.isModified());
  REQUIRE(t::wait_until([&] {
    return view.ruleTable()->currentIndex().row() != other &&
           view.listModel()->rowAt(view.ruleTable()->selectionModel()->selectedRows().value(0).row())->id == "cisco_ios/show_clock";
  }));

  answer(QMessageBox::Discard);
  view.ruleTable()->selectRow(other);
  QApplication::processEvents();
  CHECK(view.currentRuleId() == QStringLiteral("arista_eos/show_clock"));
  CHECK_FALSE(view.isModified());
}
