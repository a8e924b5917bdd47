// The detection-rule editor tab (issue #8, "rule thresholds editable in the rule editor"):
// on the left the detection rules in force (shipped, pack, user) with an enabled check box
// saved at once, and the selected rule's stored versions with Rollback; in the middle the
// rule's JSON, highlighted, with its problems listed and underlined (a JSON syntax error at
// its line and column, a schema error at the member its JSON pointer names); on the right
// the thresholds (one spin box per `params` entry, saved at once with the shipped default
// beside it) and the live preview: the rule as typed dry-run on a chosen stored run, its
// findings in a table with the timing. Save stores a new user version (`rules save`); Export
// Rule Pack… writes the open rule, or every pack and user rule, with the thresholds in force
// into a pack the Rules tab and `statetrace-cli rules import` read.
#pragma once

#include <QString>
#include <QWidget>

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "core/error.h"
#include "ui/detection_rule_tasks.h"
#include "ui/latest_only_runner.h"
#include "ui/models/detection_finding_model.h"
#include "ui/models/detection_history_model.h"
#include "ui/models/detection_rule_list_model.h"

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace st::ui {

class LoadWhenShown;
class RuleHighlighter;
class StoreSession;

class DetectionRuleEditorView : public QWidget {
  Q_OBJECT
  // True until the rules are listed and while a preview runs (statetrace --screenshots waits).
  Q_PROPERTY(bool busy READ isBusy)

 public:
  static constexpr int kPreviewDebounceMs = 250;

  explicit DetectionRuleEditorView(StoreSession& session, QWidget* parent = nullptr);
  ~DetectionRuleEditorView() override;

  // Reloads the rules and the stored runs -> catalogLoaded().
  void refresh();
  // As refresh(), but while the view is hidden it only marks itself stale and reloads when shown.
  void refreshWhenShown();
  // Opens the listed rule `id`: its JSON, thresholds, history and a preview.
  bool openRule(const QString& id);
  QString currentRuleId() const { return rule_id_; }
  bool isBusy() const;
  bool isModified() const { return !rule_id_.isEmpty() && editorText() != opened_text_; }
  // Asks whether to drop unsaved changes (true: none, or the user dropped them).
  bool confirmDiscard();
  std::string editorText() const;

  void save();
  // Saves user version `version` of the open rule again as the newest.
  void rollbackTo(int version);
  // Writes the open rule, or when none is open every pack and user rule, into the pack file
  // `path` (off the GUI thread) -> changed() or failed().
  void exportPack(const QString& path);
  // Export Rule Pack… (asks for the file) for the tab's button and the main window's Rules menu.
  QAction* exportAction() const { return export_action_; }

  DetectionRuleListModel* listModel() const { return list_model_; }
  DetectionHistoryModel* historyModel() const { return history_model_; }
  DetectionFindingModel* findingModel() const { return finding_model_; }
  // The live preview (debounced kPreviewDebounceMs; only the newest edit's answer is shown).
  LatestOnlyRunner* preview() const { return preview_; }
  QPlainTextEdit* jsonEditor() const { return json_edit_; }
  QListWidget* problemList() const { return problems_; }
  QComboBox* runChooser() const { return run_chooser_; }
  QTableView* ruleTable() const { return list_view_; }
  QPushButton* rollbackButton() const { return rollback_button_; }
  QLabel* statusLabel() const { return status_; }
  // The spin box of threshold `name` of the open rule (null when it has none).
  QDoubleSpinBox* thresholdEditor(const QString& name) const;

 signals:
  void catalogLoaded(int rules);
  void historyLoaded(int versions);
  void previewShown(quint64 generation);
  // Save, rollback, an enabled toggle, a threshold or an export is done (message: what happened).
  void changed(const QString& message);
  void failed(const QString& what, const st::Error& error);

 private:
  void onCatalog(const DetectionCatalog& catalog);
  void onHistory(const DetectionHistory& history);
  void onPreview(const std::shared_ptr<const DetectionPreviewReport>& report, quint64 generation);
  void onProblemActivated(QListWidgetItem* item);
  void loadHistory();
  void schedulePreview(bool now);
  void showThresholds(const DetectionRuleRow& row);
  void saveThreshold(const QString& name, double value);
  void saveEnabled(const QString& id, bool enabled);
  void showProblems(const DetectionPreviewReport& report);
  void selectListedRule(const QString& id);
  void chooseExport();

  StoreSession& session_;
  LoadWhenShown* when_shown_;  // refreshWhenShown()
  DetectionRuleListModel* list_model_;
  DetectionHistoryModel* history_model_;
  DetectionFindingModel* finding_model_;
  LatestOnlyRunner* preview_;        // preview_detection_rule on the rule as typed
  LatestOnlyRunner* catalog_loads_;  // refresh(): an older list that arrives late is not shown
  LatestOnlyRunner* history_loads_;  // loadHistory(): the same
  QTableView* list_view_;
  QTableView* history_view_;
  QPushButton* rollback_button_;
  QPlainTextEdit* json_edit_;
  RuleHighlighter* highlighter_;
  QListWidget* problems_;
  QPushButton* save_button_;
  QGroupBox* thresholds_box_;
  QFormLayout* thresholds_form_;
  std::map<QString, QDoubleSpinBox*> thresholds_;
  QComboBox* run_chooser_;
  QTableView* findings_view_;
  QLabel* status_;
  QAction* export_action_;

  QString rule_id_;
  std::string opened_text_;  // the text as opened or last saved
  bool loading_ = false;     // filling the editor: no preview per keystroke
};

}  // namespace st::ui
