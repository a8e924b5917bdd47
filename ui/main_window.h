// The main window: menus, status bar and title around per-view controllers.
// It owns no store logic; StoreSession does the work, DevicesView shows it.
#pragma once

#include <QMainWindow>
#include <QString>

#include <filesystem>
#include <optional>
#include <string>

#include "core/error.h"
#include "ui/app_settings.h"
#include "ui/raw_location.h"
#include "ui/store_tasks.h"

class QAction;
class QLabel;
class QMenu;
class QTabWidget;

namespace st::ui {

class DevicesView;
class ChecklistView;
class DiffView;
class InsightsView;
class HealthView;
class RawLogView;
class RuleEditorView;
class TimelineView;
class DetectionRuleEditorView;
class IngestController;
class RecentBundlesMenu;
class StoreSession;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  // Window geometry, splitter sizes and recent bundles live in `settings`.
  explicit MainWindow(std::filesystem::path store_path, AppSettings settings = {},
                      QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens the store. Then ingests `bundle` if given, or the sample site's runs in order
  // (find_sample_bundles) when the store has no runs yet (first start), and shows the
  // store's devices.
  // `sample_when_empty` false: an empty store stays empty (File → New Store).
  void start(std::optional<QString> bundle = std::nullopt, bool sample_when_empty = true);

  // File → Open Store… / New Store…: a new window on the store at `path` (created when
  // missing), remembered for the next start; this window closes. Nullptr, with a message,
  // while an ingest runs here or when `path` is not usable. `fresh`: the file must not exist
  // yet, and the new store is not given the sample site.
  MainWindow* openStore(const QString& path, bool fresh = false);

  // Ingests a bundle: a folder, .zip/.tar.gz/.tgz/.tar archive or .log capture
  // (File → Open…, Recent Bundles and drops end here). Queued while another runs.
  void ingestBundle(const QString& bundle);
  void ingestBundles(const QStringList& bundles);

  StoreSession& session() const { return *session_; }
  DevicesView* devicesView() const { return devices_view_; }
  HealthView* healthView() const { return health_view_; }
  RawLogView* rawLogView() const { return raw_view_; }
  RuleEditorView* ruleEditorView() const { return rule_view_; }
  DetectionRuleEditorView* detectionRuleEditorView() const { return detection_view_; }
  DiffView* diffView() const { return diff_view_; }
  InsightsView* insightsView() const { return insights_view_; }
  ChecklistView* checklistView() const { return checklist_view_; }
  TimelineView* timelineView() const { return timeline_view_; }
  // Devices, Health, Raw Log, Rules, Diff, Insights, Checklist and Timeline, one tab each.
  QTabWidget* viewTabs() const { return tabs_; }
  // Opens `location` in the raw log viewer and brings it to the front.
  void showInRawLog(const RawLocation& location);
  IngestController* ingestController() const { return ingest_; }
  std::size_t runCount() const { return runs_; }
  RecentBundlesMenu* recentBundles() const { return recent_; }
  const AppSettings& settings() const { return settings_; }
  // Edit → Preferences… (template folder); the dialog opens window-modal.
  QAction* preferencesAction() const { return preferences_; }
  // "3 runs · 12 devices · 2 sites · latest capture 2024-05-02 09:12 UTC"
  QString storeSummaryText() const;

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dragMoveEvent(QDragMoveEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  void closeEvent(QCloseEvent* event) override;

 signals:
  // Each time a fresh overview of the store is on screen.
  void overviewShown();
  // An error was reported to the user (status bar + message box).
  void errorReported(const QString& message);

 private:
  void createMenus();
  void focusFind();
  void openBundleFolderDialog();
  void openBundleFileDialog();
  void openStoreDialog();
  void newStoreDialog();
  void saveWindowState();
  void showAbout();
  void openPreferences();
  void onOpened(qsizetype runs);
  void onOverview(const StoreOverview& overview);
  void onIngestFinished(const IngestOutcome& outcome);
  void reportError(const QString& what, const Error& error);
  void updateStatus();

  AppSettings settings_;
  StoreSession* session_;
  QTabWidget* tabs_;
  DevicesView* devices_view_;
  HealthView* health_view_;
  RawLogView* raw_view_;
  RuleEditorView* rule_view_;
  DiffView* diff_view_;
  InsightsView* insights_view_;
  ChecklistView* checklist_view_;
  TimelineView* timeline_view_;
  DetectionRuleEditorView* detection_view_;
  IngestController* ingest_;
  RecentBundlesMenu* recent_ = nullptr;
  QAction* preferences_ = nullptr;
  QLabel* store_label_;
  QLabel* counts_label_;
  std::optional<QString> pending_bundle_;
  bool sample_when_empty_ = true;
  bool discard_confirmed_ = false;  // openStore asked about unsaved rule edits already
  std::size_t runs_ = 0;
  std::size_t devices_ = 0;
  std::size_t sites_ = 0;
  std::optional<std::string> latest_capture_;
};

}  // namespace st::ui
