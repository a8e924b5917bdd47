// The one place the shell reads and writes QSettings: every key is declared here
// with its type and default. Tests point it at a throwaway file.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "ui/theme.h"

namespace st::ui {

class AppSettings {
 public:
  static constexpr int kMaxRecentBundles = 8;

  // The application's settings (organisation/application names, native format).
  AppSettings() = default;
  // An INI file at `ini_path` (tests, portable setups).
  static AppSettings atPath(const QString& ini_path);

  // Most recent first, at most kMaxRecentBundles, no duplicates.
  QStringList recentBundles() const;
  // Moves (or adds) `bundle` to the front and drops the oldest beyond the cap.
  void addRecentBundle(const QString& bundle);
  void removeRecentBundle(const QString& bundle);
  void clearRecentBundles();

  // The folder the open dialogs start in (default: the home folder).
  QString lastBundleDir() const;
  void setLastBundleDir(const QString& dir);

  // QWidget::saveGeometry / QSplitter::saveState blobs; empty when never saved.
  QByteArray windowGeometry() const;
  void setWindowGeometry(const QByteArray& geometry);
  // A view's splitter states (save_view_layout's blob), by the view's name ("devices",
  // "raw-log"); empty when never saved.
  QByteArray viewLayout(const QString& view) const;
  void setViewLayout(const QString& view, const QByteArray& layout);
  // The name of the tab on top when the window closed; empty: the first tab.
  QString currentView() const;
  void setCurrentView(const QString& view);

  // The palette (default: the platform's at start). Unknown text in the file reads as System.
  Theme theme() const;
  void setTheme(Theme theme);

  // How many runs each device keeps in full (store::prune_snapshots; `ingest --keep-runs`);
  // 0 keeps every run. Default store::kDefaultKeepRuns.
  int keepRuns() const;
  void setKeepRuns(int runs);

  // The ntc-templates style folder (an `index` and its .textfsm files) every ingest adds
  // as a catch-all, like `statetrace-cli ingest --templates DIR`; empty: none.
  QString templateDir() const;
  void setTemplateDir(const QString& dir);

  // The hostname pattern ingests read site and zone from (PCRE2 with named groups `site`
  // and optionally `zone`, like `statetrace-cli ingest --site-pattern`); empty: the built-in
  // SITE-ZONE-ROLE-NN pattern.
  QString hostnamePattern() const;
  void setHostnamePattern(const QString& pattern);

  // The store the next start opens when no --store is given (File → Open/New Store sets it);
  // empty: $STATETRACE_STORE, else the default path.
  QString storePath() const;
  void setStorePath(const QString& path);

  // The file behind these settings (for diagnostics and tests).
  QString fileName() const;

 private:
  QString ini_path_;  // empty: the application's default settings
};

// `list` with `entry` moved to the front, duplicates removed, capped at `cap`.
QStringList push_recent(QStringList list, const QString& entry, int cap);

}  // namespace st::ui
