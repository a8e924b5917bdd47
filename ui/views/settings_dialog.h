// Settings → Preferences: the template folder every ingest adds as a catch-all (like
// `statetrace-cli ingest --templates DIR`). The folder is checked as it is typed or
// chosen (rules::check_template_directory: its `index` must read and parse); a problem
// is shown with the file and line it names, and OK stays disabled until it is fixed.
#pragma once

#include <QDialog>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace st::ui {

class SettingsDialog : public QDialog {
  Q_OBJECT

 public:
  explicit SettingsDialog(const QString& template_dir, QWidget* parent = nullptr);

  // The folder as entered (cleaned); empty: no template folder.
  QString templateDir() const;
  void setTemplateDir(const QString& dir);
  // Empty when the entry can be saved; else why not ("/x/index:3: invalid regular ...").
  QString problem() const { return problem_; }

 private:
  void chooseFolder();
  void validate();

  QLineEdit* dir_edit_;
  QLabel* status_;
  QDialogButtonBox* buttons_;
  QString problem_;
};

}  // namespace st::ui
