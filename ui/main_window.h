// The main window: menus, status bar and title around per-view controllers.
// It owns no store logic; StoreSession does the work, DevicesView shows it.
#pragma once

#include <QMainWindow>
#include <QString>

#include <filesystem>
#include <optional>

#include "core/error.h"
#include "ui/store_tasks.h"

class QAction;
class QLabel;

namespace st::ui {

class DevicesView;
class IngestController;
class StoreSession;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(std::filesystem::path store_path, QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens the store. Then ingests `bundle` if given, or the sample bundle when the
  // store has no runs yet (first start), and shows the store's devices.
  void start(std::optional<QString> bundle = std::nullopt);

  // Ingests a bundle directory (File → Open Bundle… ends here).
  void ingestBundle(const QString& bundle);

  StoreSession& session() const { return *session_; }
  DevicesView* devicesView() const { return devices_view_; }
  IngestController* ingestController() const { return ingest_; }
  std::size_t runCount() const { return runs_; }

 signals:
  // Each time a fresh overview of the store is on screen.
  void overviewShown();
  // An error was reported to the user (status bar + message box).
  void errorReported(const QString& message);

 private:
  void createMenus();
  void openBundleDialog();
  void showAbout();
  void onOpened(qsizetype runs);
  void onOverview(const StoreOverview& overview);
  void onIngestFinished(const IngestOutcome& outcome);
  void reportError(const QString& what, const Error& error);
  void updateStatus();

  StoreSession* session_;
  DevicesView* devices_view_;
  IngestController* ingest_;
  QLabel* store_label_;
  QLabel* counts_label_;
  std::optional<QString> pending_bundle_;
  std::size_t runs_ = 0;
  std::size_t devices_ = 0;
};

}  // namespace st::ui
