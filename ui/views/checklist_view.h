// The checklist of one incident: the escalation cue at the top, the runbook's checklist items as
// checkboxes saved at once (who and when shown per item), the commands to type next on the
// device's vendor, and the whole runbook rendered from Markdown with the ticks shown in it.
#pragma once

#include <QWidget>

#include <optional>
#include <string>

#include "insights/escalation.h"
#include "insights/runbook.h"
#include "ui/insight_tasks.h"

class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTextBrowser;
class QTreeView;

namespace st::ui {

class ChecklistModel;
class StoreSession;

// What a checklist is about: an insight card on its device, or a cluster (no device).
struct ChecklistSubject {
  std::string incident;  // "insight:12", "cluster:3"
  std::string device;    // the marks are kept per device; "" for a cluster-wide list
  std::string signature, title, severity;
  std::string platform;  // picks the next commands; "" shows every vendor's
  std::optional<insights::EscalationCue> escalation;
  std::string interface;  // the card's first affected port: fills the commands' <interface>
};

class ChecklistView : public QWidget {
  Q_OBJECT
  // The screenshot tour and tests wait while this is true (async work on screen soon).
  Q_PROPERTY(bool busy READ isLoading)

 public:
  explicit ChecklistView(StoreSession& session, QWidget* parent = nullptr);

  // Shows `subject`'s runbook and loads its saved marks.
  void showSubject(const ChecklistSubject& subject);
  const std::optional<ChecklistSubject>& subject() const { return subject_; }
  const insights::Runbook* runbook() const { return runbook_; }
  bool isLoading() const { return loading_; }

  ChecklistModel* checklistModel() const { return model_; }
  QTreeView* checklistTree() const { return tree_; }
  QLabel* escalationLabel() const { return escalation_; }
  QLabel* headerLabel() const { return header_; }
  QPlainTextEdit* commandsView() const { return commands_; }
  QTextBrowser* runbookView() const { return markdown_; }

 signals:
  // The saved marks of the subject are on screen (after a load or a save).
  void marksShown(int done);

 private:
  void onChecklistReady(const ChecklistOutcome& outcome);
  void renderRunbook();
  void updateProgress();

  StoreSession& session_;
  ChecklistModel* model_;
  QLabel* header_;
  QLabel* escalation_;
  QLabel* progress_;
  QTreeView* tree_;
  QLabel* commands_title_;
  QPlainTextEdit* commands_;
  QTextBrowser* markdown_;
  QSplitter* splitter_;
  std::optional<ChecklistSubject> subject_;
  const insights::Runbook* runbook_ = nullptr;
  bool loading_ = false;
};

}  // namespace st::ui
