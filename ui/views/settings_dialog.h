// Settings → Preferences: the store this window works on (with Open… / New… to switch, as
// File → Open Store / New Store, remembered for the next start), the template folder every ingest adds as a catch-all (like
// `statetrace-cli ingest --templates DIR`), the hostname pattern sites and zones come
// from (`--site-pattern`), how many runs each device keeps in full (`--keep-runs`) and the
// theme. Both are checked as they are typed (the folder's `index` must
// read and parse; the pattern must compile and name a `site` group, and is shown applied
// to an example hostname); a problem is shown where it is, and OK stays disabled until
// it is fixed.
#pragma once

#include <QDialog>
#include <QString>

#include "ui/theme.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace st::ui {

class SettingsDialog : public QDialog {
  Q_OBJECT

 public:
  SettingsDialog(const QString& template_dir, const QString& hostname_pattern, QWidget* parent = nullptr);

  // The folder as entered (cleaned); empty: no template folder.
  QString templateDir() const;
  void setTemplateDir(const QString& dir);
  // The pattern as entered (trimmed); empty: the built-in SITE-ZONE-ROLE-NN pattern.
  QString hostnamePattern() const;
  void setHostnamePattern(const QString& pattern);
  Theme theme() const;
  void setTheme(Theme theme);
  // Runs each device keeps in full; 0: every run.
  int keepRuns() const;
  void setKeepRuns(int runs);
  // The store shown (read only: switching goes through openStoreRequested / newStoreRequested).
  void setStorePath(const QString& path);
  QString storePath() const;
  // Empty when the entries can be saved; else why not ("/x/index:3: invalid regular ...").
  QString problem() const { return problem_; }

 signals:
  // Open… / New… next to the store: the dialog closes (nothing saved) and the window asks for a file.
  void openStoreRequested();
  void newStoreRequested();

 private:
  void chooseFolder();
  void validate();

  QLineEdit* store_edit_;
  QLineEdit* dir_edit_;
  QLabel* status_;
  QLineEdit* pattern_edit_;
  QLabel* pattern_status_;
  QSpinBox* keep_runs_;
  QComboBox* theme_box_;
  QDialogButtonBox* buttons_;
  QString problem_;
};

}  // namespace st::ui
