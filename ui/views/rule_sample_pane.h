// The rule editor's sample pane: what the preview runs on (one of the rule's embedded
// samples, a chosen file, or the latest stored section of a command the rule applies to,
// read off the GUI thread) and the sample's text with the lines the preview matched
// highlighted (only the lines on screen are marked; a big sample shows its first 512 KiB,
// while the preview runs over all of it).
#pragma once

#include <QList>
#include <QString>
#include <QWidget>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "rules/rule_test.h"
#include "ui/rule_tasks.h"

class QComboBox;
class QPlainTextEdit;

namespace st::ui {

class StoreSession;

class RuleSamplePane : public QWidget {
  Q_OBJECT

 public:
  explicit RuleSamplePane(StoreSession& session, QWidget* parent = nullptr);
  ~RuleSamplePane() override;

  // A rule was opened: its embedded samples are offered, and the stored sections of its
  // commands once they are found.
  void setRule(const QString& rule_id, const std::string& rule_text);
  // Reads `path` and chooses it; false when it cannot be read (or is over 64 MB).
  bool setSampleFile(const QString& path);
  // Puts the chosen sample into `input`; false while a stored section is still being read.
  bool fillInput(rules::RuleTestInput& input) const;
  // Shows the sample a preview ran over and marks the lines its records came from.
  void showReport(const rules::RuleTestReport& report);

  QComboBox* chooser() const { return combo_; }
  QPlainTextEdit* textView() const { return view_; }
  bool isTruncated() const { return truncated_; }
  QList<int> matchedLines() const { return QList<int>(matched_.begin(), matched_.end()); }

 signals:
  // Another sample was chosen (or finished reading): preview now.
  void sampleChanged();
  void storedSamplesListed(int sections);
  void status(const QString& message);
  void failed(const QString& what, const st::Error& error);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void fill();
  void findStored();
  void onChosen();
  void chooseFile();
  void markVisibleLines();

  StoreSession& session_;
  QComboBox* combo_;
  QPlainTextEdit* view_;
  QString rule_id_;
  std::string rule_text_;  // as last opened: its embedded samples are offered
  std::optional<std::string> file_text_;
  QString file_name_;
  std::shared_ptr<const std::vector<StoredSample>> stored_;  // sections the rule applies to
  int stored_choice_ = 0;  // the chooser's data of the section in stored_text_ (<= -2)
  std::string stored_text_;
  std::string shown_;
  bool truncated_ = false;
  std::vector<int> matched_;       // sorted sample lines the records came from
  std::vector<int> failed_lines_;  // sorted sample lines with warnings or errors
};

}  // namespace st::ui
