// The insight cards and checklist views over the sample site (its two runs raise cards on every
// device): the cards are the core's, ranked and filtered; an evidence line opens the raw log at
// its bytes; a runbook checklist tick is saved with who and when and is there after reopening the
// store; a false-positive mark is stored at once and read back by the core. Clusters are checked
// on the model with cards grouped by hand (the sample raises none).
#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

#include <algorithm>
#include <set>

#include "insights/insight_listing.h"
#include "insights/runbook_library.h"
#include "store/checklist_store.h"
#include "store/store.h"
#include "ui/main_window.h"
#include "ui/theme.h"
#include "ui/models/checklist_model.h"
#include "ui/models/insight_card_model.h"
#include "ui/views/checklist_view.h"
#include "ui/views/insights_view.h"
#include "ui/views/raw_log_view.h"
#include "ui/views/raw_text_view.h"
#include "ui_test_support.h"

using st::RunId;
using st::insights::InsightRow;
using st::insights::Severity;
using st::ui::ChecklistView;
using st::ui::InsightCardModel;
using st::ui::InsightsView;
using st::ui::MainWindow;
using Tester = QAbstractItemModelTester;
namespace t = st::ui::test;

namespace {

constexpr const char* kOperator = "Dana Checker";

std::filesystem::path sample_store(const QTemporaryDir& dir) {
  const std::filesystem::path store = dir.filePath(QStringLiteral("insights.sqlite")).toStdString();
  t::ingest_or_fail(store, t::sample_run(1));
  t::ingest_or_fail(store, t::sample_run(2));
  return store;
}

// The cards the core lists for each device's latest run.
std::vector<InsightRow> core_cards(const std::filesystem::path& store) {
  auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
  REQUIRE(db);
  auto rows = st::insights::list_insights(*db, st::insights::InsightQuery{});
  REQUIRE(rows);
  return *rows;
}

const InsightRow& card_of_rule(const std::vector<InsightRow>& cards, const std::string& rule) {
  const auto it = std::find_if(cards.begin(), cards.end(), [&](const InsightRow& r) { return r.rule == rule; });
  REQUIRE(it != cards.end());
  return *it;
}

// Every card row of the model, in the order shown (cluster children after their header).
std::vector<const st::ui::InsightCard*> shown_cards(const InsightCardModel& model) {
  std::vector<const st::ui::InsightCard*> cards;
  for (int row = 0; row < model.rowCount(); ++row) {
    const QModelIndex top = model.index(row, 0);
    if (const auto* card = model.cardAt(top)) cards.push_back(card);
    for (int child = 0; child < model.rowCount(top); ++child) cards.push_back(model.cardAt(model.index(child, 0, top)));
  }
  return cards;
}

void open_and_wait(MainWindow& window) {
  QSignalSpy shown(window.insightsView(), &InsightsView::cardsShown);
  QSignalSpy errors(&window, &MainWindow::errorReported);
  window.viewTabs()->setCurrentWidget(window.insightsView());  // a hidden view loads when shown
  window.show();
  window.start();
  REQUIRE(t::wait_until([&] { return (shown.count() >= 1 && !window.insightsView()->isLoading()) || errors.count() > 0; }));
  if (errors.count() > 0) FAIL(errors.at(0).at(0).toString().toStdString());
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

// Sets STATETRACE_USER for one test: who ticked and who marked.
struct OperatorScope {
  QByteArray before = qgetenv("STATETRACE_USER");
  OperatorScope() { qputenv("STATETRACE_USER", kOperator); }
  ~OperatorScope() {
    if (before.isEmpty()) {
      qunsetenv("STATETRACE_USER");
    } else {
      qputenv("STATETRACE_USER", before);
    }
  }
};

}  // namespace

TEST_CASE("insights view shows the core's cards ranked, filters them and opens evidence in the raw log",
          "[ui][insights]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const auto store = sample_store(dir);
  const auto expected = core_cards(store);
  REQUIRE(expected.size() >= 10);

  MainWindow window(store);
  InsightsView* view = window.insightsView();
  Tester cards_tester(view->cardModel(), Tester::FailureReportingMode::Fatal);
  Tester evidence_tester(view->evidenceModel(), Tester::FailureReportingMode::Fatal);
  open_and_wait(window);
  // View → Insights is Ctrl+6 (listed in Help → Keyboard Shortcuts from the menu).
  QApplication::setActiveWindow(&window);
  QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
  CHECK(window.viewTabs()->currentWidget() == view);
  window.viewTabs()->setCurrentWidget(view);

  // Every card of the core, worst first, with its title, device and summary.
  auto* model = view->cardModel();
  CHECK(model->totalCards() == static_cast<int>(expected.size()));
  const auto cards = shown_cards(*model);
  REQUIRE(cards.size() == expected.size());
  std::set<std::int64_t> ids, expected_ids;
  for (const auto& r : expected) expected_ids.insert(r.id);
  for (std::size_t i = 0; i < cards.size(); ++i) {
    ids.insert(cards[i]->row.id);
    if (i > 0) CHECK(st::insights::rank(cards[i - 1]->row.severity) >= st::insights::rank(cards[i]->row.severity));
  }
  CHECK(ids == expected_ids);
  const InsightRow& flapping = card_of_rule(expected, "port-flapping");
  const QModelIndex flap_index = model->indexOfCard(flapping.id);
  REQUIRE(flap_index.isValid());
  auto cell = [&](const QModelIndex& index, st::ui::InsightColumn column) {
    return model->data(index.siblingAtColumn(static_cast<int>(column))).toString();
  };
  CHECK(cell(flap_index, st::ui::InsightColumn::Severity) == QStringLiteral("warning"));
  CHECK(cell(flap_index, st::ui::InsightColumn::Title) == QString::fromStdString(flapping.title));
  CHECK(cell(flap_index, st::ui::InsightColumn::Device) == QString::fromStdString(flapping.device));
  CHECK(cell(flap_index, st::ui::InsightColumn::Summary) == QString::fromStdString(flapping.summary));
  CHECK(cell(flap_index, st::ui::InsightColumn::Objects).contains(QString::fromStdString(flapping.objects.front())));

  // The selected card: its numbers, missing-command advice and escalation cue, its evidence.
  REQUIRE(view->selectCard(flapping.id));
  CHECK(view->detailLabel()->text().contains(QString::fromStdString(flapping.summary).toHtmlEscaped()));
  REQUIRE(!flapping.missing_commands.empty());
  CHECK(view->detailLabel()->text().contains(QStringLiteral("Collect next time")));
  CHECK(view->detailLabel()->text().contains(QStringLiteral("Escalate")));
  CHECK(view->runbookLink()->text().contains(QStringLiteral("port-flapping")));
  REQUIRE(view->evidenceModel()->rowCount() == static_cast<int>(flapping.evidence.size()));
  REQUIRE(flapping.evidence.size() >= 2);
  for (int row = 0; row < view->evidenceModel()->rowCount(); ++row) {
    CHECK(view->evidenceModel()->rowAt(row)->source.offset == flapping.evidence[static_cast<std::size_t>(row)].source.offset);
  }
  grab_and_check(window, QStringLiteral("insights-latest.png"));

  // Filters: major and worse, then one device's cards.
  view->setMinimumSeverity(Severity::Major);
  const auto majors = std::count_if(expected.begin(), expected.end(), [](const InsightRow& r) {
    return st::insights::rank(r.severity) >= st::insights::rank(Severity::Major);
  });
  REQUIRE(majors > 0);
  CHECK(model->shownCards() == majors);
  for (const auto* card : shown_cards(*model)) CHECK(st::insights::rank(card->row.severity) >= st::insights::rank(Severity::Major));
  view->setMinimumSeverity(Severity::Info);
  view->filterEdit()->setText(QStringLiteral("hq-dc1-leaf-02"));
  const auto leaf_cards = std::count_if(expected.begin(), expected.end(),
                                        [](const InsightRow& r) { return r.device == "HQ-DC1-LEAF-02"; });
  CHECK(model->shownCards() == leaf_cards);
  for (const auto* card : shown_cards(*model)) CHECK(card->row.device == "HQ-DC1-LEAF-02");
  view->filterEdit()->clear();
  CHECK(model->shownCards() == static_cast<int>(expected.size()));

  // Ctrl+R on the second evidence line opens it in the raw log, its bytes highlighted.
  REQUIRE(view->selectCard(flapping.id));
  const auto& second = flapping.evidence[1];
  view->evidenceTable()->setFocus();
  view->evidenceTable()->selectRow(1);
  QApplication::setActiveWindow(&window);
  QTest::keyClick(view->evidenceTable(), Qt::Key_R, Qt::ControlModifier);
  CHECK(window.viewTabs()->currentWidget() == window.rawLogView());
  auto* text = window.rawLogView()->textView();
  const st::ByteRange second_range{second.source.offset, second.source.length};
  REQUIRE(t::wait_until([&] { return text->indexComplete() && text->highlight() == std::optional(second_range); }));
  const auto location = window.rawLogView()->location();
  REQUIRE(location.has_value());
  CHECK(location->run == flapping.run);
  CHECK(location->file == second.source.file);
  REQUIRE(second.text.find('\n') == std::string::npos);
  CHECK(text->lineText(text->lineAt(second.source.offset)) == QString::fromStdString(second.text));

  // A click on the first line's "Show in raw log" cell opens that line.
  window.viewTabs()->setCurrentWidget(view);
  const auto& first = flapping.evidence[0];
  QTableView* table = view->evidenceTable();
  const QRect link = table->visualRect(view->evidenceModel()->index(0, static_cast<int>(st::ui::EvidenceColumn::Show)));
  REQUIRE(link.isValid());
  QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, link.center());
  CHECK(window.viewTabs()->currentWidget() == window.rawLogView());
  const st::ByteRange first_range{first.source.offset, first.source.length};
  REQUIRE(t::wait_until([&] { return text->indexComplete() && text->highlight() == std::optional(first_range); }));
  CHECK(text->lineText(text->lineAt(first.source.offset)) == QString::fromStdString(first.text));

  // A chosen run: run 1's cards only.
  QSignalSpy shown(view, &InsightsView::cardsShown);
  view->showRun(RunId{1});
  REQUIRE(t::wait_until([&] { return shown.count() >= 1 && !view->isLoading(); }));
  REQUIRE(model->totalCards() > 0);
  for (const auto* card : shown_cards(*model)) CHECK(card->row.run == RunId{1});
}

TEST_CASE("checklist view: a tick is saved at once with who and when, and is there after reopening the store",
          "[ui][insights][checklist]") {
  OperatorScope as_operator;
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const auto store = sample_store(dir);
  const InsightRow flapping = card_of_rule(core_cards(store), "port-flapping");
  auto library = st::insights::RunbookLibrary::shipped();
  REQUIRE(library);
  const auto* runbook = (*library)->find("port-flapping");
  REQUIRE(runbook != nullptr);
  REQUIRE(runbook->checks.size() >= 2);
  const std::string incident = "insight:" + std::to_string(flapping.id);
  QImage insights_shot;
  std::string saved_at;

  {
    MainWindow window(store);
    Tester checklist_tester(window.checklistView()->checklistModel(), Tester::FailureReportingMode::Fatal);
    open_and_wait(window);
    InsightsView* view = window.insightsView();
    ChecklistView* checklist = window.checklistView();
    REQUIRE(view->selectCard(flapping.id));
    window.viewTabs()->setCurrentWidget(view);
    insights_shot = window.grab().toImage();

    // The runbook link opens the checklist of this card on its device.
    QSignalSpy marks(checklist, &ChecklistView::marksShown);
    REQUIRE(view->openCurrentChecklist());
    CHECK(window.viewTabs()->currentWidget() == checklist);
    REQUIRE(checklist->subject().has_value());
    CHECK(checklist->subject()->incident == incident);
    CHECK(checklist->subject()->device == flapping.device);
    REQUIRE(t::wait_until([&] { return marks.count() >= 1 && !checklist->isLoading(); }));
    auto* model = checklist->checklistModel();
    REQUIRE(model->rowCount() == static_cast<int>(runbook->checks.size()));
    CHECK(model->doneCount() == 0);
    CHECK(model->data(model->index(0, 0)).toString() == QString::fromStdString(runbook->checks[0].text));
    CHECK(checklist->escalationLabel()->text().contains(QString::fromStdString(runbook->escalation.contact).toHtmlEscaped()));
    // The device is an Arista: its next commands, with the flapping port filled in.
    const auto* arista = runbook->commands_for("arista_eos");
    REQUIRE(arista != nullptr);
    REQUIRE(!flapping.objects.empty());
    QString first = QString::fromStdString(arista->commands.front());
    REQUIRE(first.contains(QStringLiteral("<interface>")));
    first.replace(QStringLiteral("<interface>"), QString::fromStdString(flapping.objects.front()));
    CHECK(checklist->commandsView()->toPlainText().contains(first));
    CHECK_FALSE(checklist->commandsView()->toPlainText().contains(QStringLiteral("<interface>")));
    CHECK(checklist->runbookView()->toPlainText().contains(QString::fromStdString(runbook->title)));

    // Tick the second item as the view does: saved at once, who and when shown.
    marks.clear();
    REQUIRE(model->setData(model->index(1, 0), Qt::Checked, Qt::CheckStateRole));
    REQUIRE(t::wait_until([&] { return marks.count() >= 1 && !checklist->isLoading(); }));
    CHECK(model->doneCount() == 1);
    CHECK(model->data(model->index(1, static_cast<int>(st::ui::ChecklistColumn::Who))).toString() ==
          QString::fromUtf8(kOperator));
    {
      auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
      REQUIRE(db);
      auto stored = st::store::checklist_marks(*db, incident, flapping.device);
      REQUIRE(stored);
      REQUIRE(stored->size() == 1);
      CHECK(stored->front().item == runbook->checks[1].id);
      CHECK(stored->front().done);
      CHECK(stored->front().updated_by == kOperator);
      saved_at = stored->front().updated_at;
      CHECK(!saved_at.empty());
    }
    const QImage checklist_shot = grab_and_check(window, QStringLiteral("checklist-port-flapping.png"));
    CHECK(checklist_shot != insights_shot);
  }

  // Reopened: the tick, its operator and its time are read back.
  MainWindow window(store);
  open_and_wait(window);
  REQUIRE(window.insightsView()->selectCard(flapping.id));
  ChecklistView* checklist = window.checklistView();
  QSignalSpy marks(checklist, &ChecklistView::marksShown);
  REQUIRE(window.insightsView()->openCurrentChecklist());
  REQUIRE(t::wait_until([&] { return marks.count() >= 1 && !checklist->isLoading(); }));
  auto* model = checklist->checklistModel();
  REQUIRE(model->itemAt(1) != nullptr);
  REQUIRE(model->itemAt(1)->mark.has_value());
  CHECK(model->itemAt(1)->mark->done);
  CHECK(model->data(model->index(1, 0), Qt::CheckStateRole).toInt() == Qt::Checked);
  CHECK(model->data(model->index(0, 0), Qt::CheckStateRole).toInt() == Qt::Unchecked);
  CHECK(model->data(model->index(1, static_cast<int>(st::ui::ChecklistColumn::Who))).toString() ==
        QString::fromUtf8(kOperator));
  CHECK(model->data(model->index(1, static_cast<int>(st::ui::ChecklistColumn::When))).toString() ==
        QString::fromStdString(saved_at));
}

TEST_CASE("insights view: a false-positive mark is stored at once, shown, and read back after reopening",
          "[ui][insights]") {
  OperatorScope as_operator;
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const auto store = sample_store(dir);
  const InsightRow poe = card_of_rule(core_cards(store), "poe-fault");
  REQUIRE(!poe.false_positive);
  auto stored_card = [&] {
    for (const auto& r : core_cards(store)) {
      if (r.id == poe.id) return r;
    }
    FAIL("card " << poe.id << " is gone");
    return InsightRow{};
  };

  {
    MainWindow window(store);
    open_and_wait(window);
    InsightsView* view = window.insightsView();
    window.viewTabs()->setCurrentWidget(view);
    REQUIRE(view->selectCard(poe.id));
    QCheckBox* box = view->falsePositiveBox();
    REQUIRE(box->isEnabled());
    CHECK(!box->isChecked());
    QSignalSpy saved(view, &InsightsView::falsePositiveSaved);
    QTest::mouseClick(box, Qt::LeftButton);
    REQUIRE(t::wait_until([&] { return saved.count() == 1; }));
    CHECK(saved.at(0).at(0).toLongLong() == poe.id);
    CHECK(saved.at(0).at(1).toBool());
    const QModelIndex index = view->cardModel()->indexOfCard(poe.id);
    CHECK(view->cardModel()->data(index.siblingAtColumn(static_cast<int>(st::ui::InsightColumn::State))).toString() ==
          QStringLiteral("false positive"));
    CHECK(view->detailLabel()->text().contains(QStringLiteral("false positive")));
    const auto row = stored_card();
    CHECK(row.false_positive);
    CHECK(row.feedback_by == std::optional<std::string>(kOperator));
  }

  MainWindow window(store);
  open_and_wait(window);
  InsightsView* view = window.insightsView();
  REQUIRE(view->selectCard(poe.id));
  CHECK(view->falsePositiveBox()->isChecked());
  CHECK(view->detailLabel()->text().contains(QString::fromUtf8(kOperator)));
  QSignalSpy saved(view, &InsightsView::falsePositiveSaved);
  view->setCurrentFalsePositive(false);
  REQUIRE(t::wait_until([&] { return saved.count() == 1; }));
  CHECK(!stored_card().false_positive);
  CHECK(view->cardModel()->data(view->cardModel()->indexOfCard(poe.id).siblingAtColumn(
                                    static_cast<int>(st::ui::InsightColumn::State)))
            .toString()
            .isEmpty());
}

TEST_CASE("insight card model groups a cluster's cards under a header row", "[ui][insights]") {
  auto card = [](std::int64_t id, Severity severity, std::string device, std::optional<std::int64_t> cluster) {
    st::ui::InsightCard c;
    c.row.id = id;
    c.row.run = RunId{4};
    c.row.device = std::move(device);
    c.row.site = "HQ";
    c.row.rule = "power-supply-failure";
    c.row.signature = "power-supply-failure";
    c.row.title = "Power supply failed";
    c.row.summary = "1 power supply reported a fault";
    c.row.severity = severity;
    c.row.objects = {"PS2"};
    c.row.cluster = cluster;
    return c;
  };
  st::ui::InsightCluster cluster;
  cluster.row.id = 7;
  cluster.row.run = RunId{4};
  cluster.row.pattern = "power-failure-sequence";
  cluster.row.signature = "power-failure-sequence";
  cluster.row.title = "Power failure sequence";
  cluster.row.summary = "2 devices lost power within 3 minutes";
  cluster.row.severity = Severity::Critical;
  cluster.row.devices = {"HQ-B1-ACC-02", "HQ-B3-ACC-01"};
  cluster.row.first_seen = "2024-05-02T09:10:00Z";
  cluster.row.last_seen = "2024-05-02T09:13:00Z";
  cluster.row.insights = {11, 12};

  InsightCardModel model;
  Tester tester(&model, Tester::FailureReportingMode::Fatal);
  model.resetData({card(10, Severity::Major, "HQ-CORE-DST-01", std::nullopt), card(11, Severity::Major, "HQ-B1-ACC-02", 7),
                   card(12, Severity::Warning, "HQ-B3-ACC-01", 7), card(13, Severity::Info, "HQ-F2-ACC-01", 99)},
                  {cluster});
  // Card 10, the cluster (at its worst card's place), card 13 (its cluster is not listed).
  REQUIRE(model.rowCount() == 3);
  CHECK(model.cardAt(model.index(0, 0))->row.id == 10);
  const QModelIndex header = model.index(1, 0);
  REQUIRE(model.clusterAt(header) != nullptr);
  CHECK(model.cardAt(header) == nullptr);
  CHECK(model.data(header.siblingAtColumn(static_cast<int>(st::ui::InsightColumn::Title))).toString() ==
        QStringLiteral("Incident: Power failure sequence"));
  CHECK(model.data(header.siblingAtColumn(static_cast<int>(st::ui::InsightColumn::Device))).toString() ==
        QStringLiteral("HQ-B1-ACC-02, HQ-B3-ACC-01"));
  CHECK(model.data(header.siblingAtColumn(static_cast<int>(st::ui::InsightColumn::Summary))).toString().contains(
      QStringLiteral("2024-05-02T09:10:00Z – 2024-05-02T09:13:00Z")));
  REQUIRE(model.rowCount(header) == 2);
  CHECK(model.cardAt(model.index(0, 0, header))->row.id == 11);
  CHECK(model.cardAt(model.index(1, 0, header))->row.id == 12);
  CHECK(model.parent(model.index(1, 0, header)) == header);
  CHECK(model.cardAt(model.index(2, 0))->row.id == 13);
  CHECK(model.indexOfCard(12) == model.index(1, 0, header));

  // Filtering keeps a cluster while one of its cards is shown.
  model.setMinimumSeverity(Severity::Major);
  REQUIRE(model.rowCount() == 2);
  CHECK(model.rowCount(model.index(1, 0)) == 1);
  CHECK(model.shownCards() == 2);
  model.setFilterText(QStringLiteral("core-dst"));
  REQUIRE(model.rowCount() == 1);
  CHECK(model.clusterAt(model.index(0, 0)) == nullptr);
  CHECK(!model.indexOfCard(11).isValid());
}

TEST_CASE("insights and checklist on a dark palette: screenshots", "[ui][insights]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const auto store = sample_store(dir);
  const InsightRow flapping = card_of_rule(core_cards(store), "port-flapping");

  const QPalette light = QApplication::palette();
  st::ui::apply_theme(*qApp, st::ui::Theme::Dark);
  {
    MainWindow window(store);
    open_and_wait(window);
    window.viewTabs()->setCurrentWidget(window.insightsView());
    REQUIRE(window.insightsView()->selectCard(flapping.id));
    // The severity chips tint the dark base rather than paint over it: the text stays readable.
    for (auto severity : {Severity::Info, Severity::Warning, Severity::Major, Severity::Critical}) {
      const QColor chip = st::ui::severity_color(severity);
      CHECK(chip.alpha() <= 128);
    }
    const QImage insights_dark = grab_and_check(window, QStringLiteral("insights-dark.png"));
    QSignalSpy marks(window.checklistView(), &ChecklistView::marksShown);
    REQUIRE(window.insightsView()->openCurrentChecklist());
    REQUIRE(t::wait_until([&] { return marks.count() >= 1; }));
    const QImage checklist_dark = grab_and_check(window, QStringLiteral("checklist-dark.png"));
    CHECK(insights_dark != checklist_dark);
  }
  QApplication::setPalette(light);  // the platform's, as the other tests expect
}

TEST_CASE("checklist notes: typed in place, saved at once with who and when, read back after reopening",
          "[ui][insights][checklist]") {
  OperatorScope as_operator;
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const auto store = sample_store(dir);
  const InsightRow flapping = card_of_rule(core_cards(store), "port-flapping");
  const QString note = QStringLiteral("patch cable on Et24 replaced, 14:10");
  const int note_column = static_cast<int>(st::ui::ChecklistColumn::Note);
  std::string incident;
  {
    MainWindow window(store);
    open_and_wait(window);
    REQUIRE(window.insightsView()->selectCard(flapping.id));
    ChecklistView* checklist = window.checklistView();
    QSignalSpy marks(checklist, &ChecklistView::marksShown);
    REQUIRE(window.insightsView()->openCurrentChecklist());
    REQUIRE(t::wait_until([&] { return marks.count() >= 1 && !checklist->isLoading(); }));
    incident = checklist->subject()->incident;
    auto* model = checklist->checklistModel();
    Tester tester(model, Tester::FailureReportingMode::Fatal);
    REQUIRE(model->rowCount() >= 2);
    CHECK(model->headerData(note_column, Qt::Horizontal).toString() == QStringLiteral("Note"));
    CHECK(model->flags(model->index(0, note_column)).testFlag(Qt::ItemIsEditable));
    CHECK_FALSE(model->flags(model->index(0, 0)).testFlag(Qt::ItemIsEditable));

    // Tick item 0, then type its note in the tree's editor and press Enter.
    marks.clear();
    REQUIRE(model->setData(model->index(0, 0), Qt::Checked, Qt::CheckStateRole));
    REQUIRE(t::wait_until([&] { return marks.count() >= 1 && !checklist->isLoading(); }));
    QTreeView* tree = checklist->checklistTree();
    tree->setFocus();
    tree->setCurrentIndex(model->index(0, note_column));
    tree->edit(model->index(0, note_column));
    auto* editor = tree->findChild<QLineEdit*>();
    REQUIRE(editor != nullptr);
    marks.clear();
    QTest::keyClicks(editor, note);
    QTest::keyClick(editor, Qt::Key_Return);
    REQUIRE(t::wait_until([&] { return marks.count() >= 1 && !checklist->isLoading(); }));
    CHECK(model->data(model->index(0, note_column)).toString() == note);
    CHECK(model->data(model->index(0, 0), Qt::CheckStateRole).toInt() == Qt::Checked);  // the tick stays

    auto db = st::store::open_store(store, st::store::OpenMode::ReadOnly);
    REQUIRE(db);
    auto stored = st::store::checklist_marks(*db, incident, flapping.device);
    REQUIRE(stored);
    REQUIRE(stored->size() == 1);
    CHECK(stored->front().note == note.toStdString());
    CHECK(stored->front().done);
    CHECK(stored->front().updated_by == kOperator);

    // Unticking keeps the note (the store keeps a note when none is given).
    marks.clear();
    REQUIRE(model->setData(model->index(0, 0), Qt::Unchecked, Qt::CheckStateRole));
    REQUIRE(t::wait_until([&] { return marks.count() >= 1 && !checklist->isLoading(); }));
    CHECK(model->data(model->index(0, note_column)).toString() == note);
  }

  MainWindow window(store);
  open_and_wait(window);
  REQUIRE(window.insightsView()->selectCard(flapping.id));
  ChecklistView* checklist = window.checklistView();
  QSignalSpy marks(checklist, &ChecklistView::marksShown);
  REQUIRE(window.insightsView()->openCurrentChecklist());
  REQUIRE(t::wait_until([&] { return marks.count() >= 1 && !checklist->isLoading(); }));
  auto* model = checklist->checklistModel();
  CHECK(model->data(model->index(0, note_column)).toString() == note);
  CHECK(model->data(model->index(0, 0), Qt::CheckStateRole).toInt() == Qt::Unchecked);
  CHECK(model->data(model->index(1, note_column)).toString().isEmpty());
}
