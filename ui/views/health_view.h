// The health view: every run's ingest totals on top; below, the selected run's files,
// per-device parse telemetry, and its unknown and failed sections with their reasons.
// Files and sections open in the raw log (double-click, context menu or Ctrl+R).
#pragma once

#include <QWidget>

#include <optional>

#include "core/ids.h"
#include "ui/models/health_models.h"
#include "ui/raw_location.h"
#include "ui/store_tasks.h"

class QAction;
class QLabel;
class QSplitter;
class QTabWidget;

namespace st::ui {

class StoreSession;
class TablePane;

class HealthView : public QWidget {
  Q_OBJECT
  // The screenshot tour and tests wait while this is true (async work on screen soon).
  Q_PROPERTY(bool busy READ isLoading)

 public:
  explicit HealthView(StoreSession& session, QWidget* parent = nullptr);

  // Reloads the runs (keeping the selected run when it is still there).
  void refresh();
  // Selects `run` and loads its report.
  void showRun(RunId run);
  // Focuses the filter box of the detail table on top.
  void focusFilter();
  std::optional<RunId> shownRun() const { return shown_run_; }
  bool isLoading() const { return loading_; }

  RunHealthModel* runModel() const { return run_model_; }
  FileHealthModel* fileModel() const { return file_model_; }
  DeviceHealthModel* deviceModel() const { return device_model_; }
  SectionIssueModel* issueModel() const { return issue_model_; }
  TablePane* runPane() const { return run_pane_; }
  TablePane* filePane() const { return file_pane_; }
  TablePane* devicePane() const { return device_pane_; }
  TablePane* issuePane() const { return issue_pane_; }
  QTabWidget* detailTabs() const { return tabs_; }
  QAction* showInRawLogAction() const { return show_raw_; }

  // The raw-log location of the current row of the focused detail table (files and
  // sections), if any.
  std::optional<RawLocation> currentLocation() const;

 signals:
  void healthShown(int runs);
  void showInRawLog(const st::ui::RawLocation& location);

 private:
  void onHealthReady(const HealthOutcome& outcome);
  void onRunSelectionChanged();
  void selectRunRow(RunId run);
  std::optional<RawLocation> locationOf(const TablePane* pane, const QModelIndex& proxy_index) const;

  StoreSession& session_;
  RunHealthModel* run_model_;
  FileHealthModel* file_model_;
  DeviceHealthModel* device_model_;
  SectionIssueModel* issue_model_;
  TablePane* run_pane_;
  TablePane* file_pane_;
  TablePane* device_pane_;
  TablePane* issue_pane_;
  QTabWidget* tabs_;
  QLabel* summary_;
  QSplitter* splitter_;
  QAction* show_raw_;
  std::optional<RunId> shown_run_;
  std::optional<RunId> requested_run_;
  bool loading_ = false;
  bool selecting_ = false;
};

}  // namespace st::ui
