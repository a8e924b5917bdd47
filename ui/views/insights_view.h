// The insight cards of the store: each device's latest run (or a chosen run), ranked by severity,
// incident clusters grouping their cards, filters by minimum severity and text. The selected card
// shows its numbers, affected objects, evidence lines (each opens the raw log: click "Show in raw
// log", double-click, or Ctrl+R), missing-command advice, escalation cue, a false-positive toggle
// stored at once, and a link to its runbook's checklist.
#pragma once

#include <QWidget>

#include <cstdint>
#include <optional>

#include "ui/insight_tasks.h"
#include "ui/models/evidence_model.h"
#include "ui/raw_location.h"
#include "ui/views/checklist_view.h"

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTreeView;

namespace st::ui {

class InsightCardModel;
class LoadWhenShown;
class StoreSession;

class InsightsView : public QWidget {
  Q_OBJECT
  // The screenshot tour and tests wait while this is true (async work on screen soon).
  Q_PROPERTY(bool busy READ isLoading)

 public:
  explicit InsightsView(StoreSession& session, QWidget* parent = nullptr);

  // Reloads the cards of the chosen run (each device's latest by default), after an ingest.
  void refresh();
  // As refresh(), but while the view is hidden it only marks itself stale and reloads when shown.
  void refreshWhenShown();
  // nullopt: each device's latest run.
  void showRun(std::optional<RunId> run);
  void setMinimumSeverity(insights::Severity severity);
  void focusFilter();
  // Selects card `insight`; false when it is not shown.
  bool selectCard(std::int64_t insight);
  // Marks the selected card a false positive (or clears it), stored at once.
  void setCurrentFalsePositive(bool false_positive);
  // Opens the selected card's (or cluster's) runbook checklist; false without a runbook.
  bool openCurrentChecklist();
  bool isLoading() const { return loading_; }

  InsightCardModel* cardModel() const { return card_model_; }
  EvidenceModel* evidenceModel() const { return evidence_model_; }
  QTreeView* cardTree() const { return cards_; }
  QTableView* evidenceTable() const { return evidence_; }
  QLineEdit* filterEdit() const { return filter_; }
  QComboBox* severityBox() const { return severity_box_; }
  QCheckBox* falsePositiveBox() const { return false_positive_; }
  QLabel* detailLabel() const { return detail_; }
  QLabel* runbookLink() const { return runbook_link_; }
  QAction* showInRawLogAction() const { return show_raw_; }
  // The selected evidence line in its raw log, else the selected card's first line.
  std::optional<RawLocation> currentLocation() const;

 signals:
  void cardsShown(int cards);
  void showInRawLog(const st::ui::RawLocation& location);
  void openChecklist(const st::ui::ChecklistSubject& subject);
  // A false-positive mark was stored (or cleared) for card `insight`.
  void falsePositiveSaved(qint64 insight, bool false_positive);

 private:
  void request();
  void onInsightsReady(const InsightsOutcome& outcome);
  void onFeedbackSaved(const FeedbackOutcome& outcome);
  void onCurrentChanged();
  void applyFilters();
  void updateCount();
  std::optional<ChecklistSubject> currentSubject() const;
  std::optional<RunId> currentEvidenceRun() const;

  StoreSession& session_;
  LoadWhenShown* when_shown_;  // refreshWhenShown()
  InsightCardModel* card_model_;
  EvidenceModel* evidence_model_;
  QComboBox* run_box_;
  QComboBox* severity_box_;
  QLineEdit* filter_;
  QLabel* count_;
  QTreeView* cards_;
  QLabel* detail_;
  QLabel* runbook_link_;
  QCheckBox* false_positive_;
  QTableView* evidence_;
  QPushButton* show_raw_button_;
  QSplitter* splitter_;
  QAction* show_raw_;
  std::optional<RunId> run_;
  bool loading_ = false;
  bool filling_ = false;
};

}  // namespace st::ui
