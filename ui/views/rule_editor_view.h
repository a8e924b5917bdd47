// The rule editor tab (issue #8): the rules (shipped, and the store's user and pack rules)
// on the left with the selected rule's stored versions and Rollback; the rule's JSON in
// the middle (a textfsm rule's template in its own Template tab, put back into the JSON's
// "inline" when it runs or is saved), with syntax highlighting and its problems underlined
// and listed (click one to go there); on the right the live preview on a sample (the rule's
// embedded samples or a chosen file): matched lines highlighted, records in a table.
// Save makes a new version in the store (rules::save_rule_text, as `parsers save` does).
#pragma once

#include <QString>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "rules/rule_test.h"
#include "ui/models/rule_history_model.h"
#include "ui/models/rule_list_model.h"
#include "ui/latest_only_runner.h"
#include "ui/rule_tasks.h"

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace st::ui {

class RuleHighlighter;
class RuleRecordsModel;
class RuleSamplePane;
class StoreSession;

class RuleEditorView : public QWidget {
  Q_OBJECT
  // The screenshot tour and tests wait while this is true (async work on screen soon).
  Q_PROPERTY(bool busy READ isBusy)

 public:
  // What the Template tab stands for in the rule JSON of a textfsm rule.
  static constexpr const char* kTemplatePlaceholder = "<the Template tab>";
  static constexpr int kPreviewDebounceMs = 250;

  explicit RuleEditorView(StoreSession& session, QWidget* parent = nullptr);
  ~RuleEditorView() override;

  // Reloads the rule list (rules::known_rules) -> catalogLoaded().
  void refresh();
  // Opens the listed rule `id` into the editor; false when it is not listed.
  bool openRule(const QString& id);
  QString currentRuleId() const { return rule_id_; }
  // Reads `path` and previews on it (the sample chooser's file entry); false if unreadable.
  // The chooser also offers the rule's embedded samples and the latest stored sections of
  // the commands it applies to (their raw output bytes, read off the GUI thread).
  bool setSampleFile(const QString& path);
  // The rule text that runs and is saved: the JSON with the template put back.
  std::string composedRuleText() const;
  // The editor holds changes that are not saved.
  bool isModified() const { return !rule_id_.isEmpty() && composedRuleText() != opened_text_; }
  // Asks whether to drop unsaved changes (true: none, or the user dropped them).
  bool confirmDiscard();
  // A catalog, history or preview is still being computed.
  bool isBusy() const;

  // Save (Ctrl+S; enabled once a rule is open), Import Rule Pack…, Export Rule Pack… for the
  // main window's Rules menu.
  QAction* saveAction() const { return save_action_; }
  QAction* importAction() const { return import_action_; }
  QAction* exportAction() const { return export_action_; }
  void save();
  // Saves version `version` of the current rule again as a new version.
  void rollbackTo(std::int64_t version);
  void importPack(const QString& path, bool replace);
  void exportPack(const QString& path);

  RuleListModel* listModel() const { return list_model_; }
  RuleHistoryModel* historyModel() const { return history_model_; }
  RuleRecordsModel* recordsModel() const { return records_model_; }
  // The live preview (debounced kPreviewDebounceMs; only the newest edit's answer is shown).
  LatestOnlyRunner* preview() const { return preview_; }
  QPlainTextEdit* jsonEditor() const { return json_edit_; }
  QPlainTextEdit* templateEditor() const { return template_edit_; }
  QPlainTextEdit* sampleView() const;
  QListWidget* problemList() const { return problems_; }
  QTabWidget* editorTabs() const { return editor_tabs_; }
  QComboBox* sampleChooser() const;
  QTableView* ruleTable() const { return list_view_; }
  QPushButton* rollbackButton() const { return rollback_button_; }
  QLabel* statusLabel() const { return status_; }
  // The 1-based lines of the sample the shown preview matched.
  QList<int> matchedSampleLines() const;

 protected:
  // A theme change re-picks the highlighters' colours.
  void changeEvent(QEvent* event) override;

 signals:
  void catalogLoaded(int rules);
  void historyLoaded(int versions);
  // The stored sections the open rule applies to were added to the sample chooser.
  void storedSamplesListed(int sections);
  void previewShown(quint64 generation);
  // Save, rollback, import or export finished (message: what happened).
  void changed(const QString& message);
  void failed(const QString& what, const st::Error& error);

 private:
  // Where a problem is shown: which editor and the character position in it.
  enum class Target { None, Json, Template, Sample };

  void buildActions();
  void onCatalog(const RuleCatalog& catalog);
  void onHistory(const RuleHistory& history);
  void onPreview(const std::shared_ptr<const rules::RuleTestReport>& report, quint64 generation);
  void onProblemActivated(QListWidgetItem* item);
  void loadHistory();
  void schedulePreview(bool now);
  void selectListedRule(const QString& id);
  void showProblems(const rules::RuleTestReport& report);
  void chooseImport();
  void chooseExport();
  template <class Work, class Done>
  void runInBackground(Work work, Done done);

  StoreSession& session_;
  RuleListModel* list_model_;
  RuleHistoryModel* history_model_;
  RuleRecordsModel* records_model_;
  LatestOnlyRunner* preview_;        // rules::test_rule_text on the rule as typed
  LatestOnlyRunner* catalog_loads_;  // refresh(): an older list that arrives late is not shown
  LatestOnlyRunner* history_loads_;  // loadHistory(): the same
  QTableView* list_view_;
  QTableView* history_view_;
  QPushButton* rollback_button_;
  QTabWidget* editor_tabs_;
  QPlainTextEdit* json_edit_;
  QPlainTextEdit* template_edit_;
  RuleHighlighter* json_highlighter_;
  RuleHighlighter* template_highlighter_;
  QListWidget* problems_;
  RuleSamplePane* samples_;
  QTableView* records_view_;
  QLabel* status_;
  QAction* save_action_ = nullptr;
  QAction* import_action_ = nullptr;
  QAction* export_action_ = nullptr;

  QString rule_id_;
  bool has_template_ = false;
  std::string opened_text_;  // the composed text as opened or last saved
  bool loading_ = false;  // filling the editors: no preview per keystroke
  int tasks_running_ = 0;  // runInBackground calls not answered yet
};

}  // namespace st::ui
