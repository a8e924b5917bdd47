#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTabWidget>

#include <utility>

#include "ui/bundle_paths.h"
#include "ui/ingest_controller.h"
#include "ui/models/device_table_model.h"
#include "ui/capture_commands_menu.h"
#include "ui/recent_bundles_menu.h"
#include "ui/sample_bundle.h"
#include "ui/store_session.h"
#include "ui/theme.h"
#include "ui/view_layout.h"
#include "ui/views/devices_view.h"
#include "ui/views/shortcuts_dialog.h"
#include "ui/views/checklist_view.h"
#include "ui/views/detection_rule_editor_view.h"
#include "ui/views/diff_view.h"
#include "ui/views/insights_view.h"
#include "ui/views/health_view.h"
#include "ui/views/raw_log_view.h"
#include "ui/views/rule_editor_view.h"
#include "ui/views/settings_dialog.h"
#include "ui/views/timeline_view.h"

namespace st::ui {

namespace {
constexpr int kStatusMessageMs = 8000;

QString display_name(const QString& bundle) {
  const QString name = QFileInfo(bundle).fileName();
  return name.isEmpty() ? QDir::toNativeSeparators(bundle) : name;
}

// "2024-05-02T09:12:44Z" -> "2024-05-02 09:12 UTC"; other text is shown as it is.
IngestSetup ingest_setup_of(const AppSettings& settings) {
  IngestSetup setup;
  if (const QString dir = settings.templateDir(); !dir.isEmpty()) setup.templates = dir.toStdString();
  if (const QString pattern = settings.hostnamePattern(); !pattern.isEmpty()) setup.site_pattern = pattern.toStdString();
  setup.keep_runs = settings.keepRuns();
  return setup;
}

QString capture_time_text(const std::string& iso) {
  const QString text = QString::fromStdString(iso);
  const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
  if (!time.isValid()) return text;
  return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

}  // namespace

MainWindow::MainWindow(std::filesystem::path store_path, AppSettings settings, QWidget* parent)
    : QMainWindow(parent),
      settings_(std::move(settings)),
      session_(new StoreSession(std::move(store_path), this)),
      tabs_(new QTabWidget(this)),
      devices_view_(new DevicesView(*session_, this)),
      health_view_(new HealthView(*session_, this)),
      raw_view_(new RawLogView(*session_, this)),
      rule_view_(new RuleEditorView(*session_, this)),
      diff_view_(new DiffView(*session_, this)),
      insights_view_(new InsightsView(*session_, this)),
      checklist_view_(new ChecklistView(*session_, this)),
      timeline_view_(new TimelineView(*session_, this)),
      detection_view_(new DetectionRuleEditorView(*session_, this)),
      ingest_(new IngestController(*session_, this)),
      store_label_(new QLabel(this)),
      counts_label_(new QLabel(this)) {
  setWindowTitle(tr("StateTrace — %1").arg(session_->storeFileName()));
  session_->setIngestSetup(ingest_setup_of(settings_));
  tabs_->setObjectName(QStringLiteral("viewTabs"));
  tabs_->setDocumentMode(true);
  tabs_->addTab(devices_view_, tr("Devices"));
  tabs_->addTab(health_view_, tr("Health"));
  tabs_->addTab(raw_view_, tr("Raw Log"));
  tabs_->addTab(rule_view_, tr("Rules"));
  tabs_->addTab(diff_view_, tr("Diff"));
  tabs_->addTab(insights_view_, tr("Insights"));
  tabs_->addTab(checklist_view_, tr("Checklist"));
  tabs_->addTab(timeline_view_, tr("Timeline"));
  tabs_->addTab(detection_view_, tr("Detection Rules"));
  setCentralWidget(tabs_);
  if (!restoreGeometry(settings_.windowGeometry())) resize(1200, 760);
  restore_view_layouts(*tabs_, settings_);  // every view's splitters and the tab on top
  devices_view_->setFocus();
  setAcceptDrops(true);  // folders, archives and .log files dropped anywhere are ingested
  createMenus();

  store_label_->setText(QDir::toNativeSeparators(session_->storePathText()));
  store_label_->setToolTip(tr("The store this window shows"));
  store_label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  statusBar()->addPermanentWidget(counts_label_);
  statusBar()->addPermanentWidget(store_label_);
  updateStatus();

  connect(session_, &StoreSession::opened, this, &MainWindow::onOpened);
  connect(session_, &StoreSession::overviewReady, this, &MainWindow::onOverview);
  connect(session_, &StoreSession::failed, this, &MainWindow::reportError);
  connect(ingest_, &IngestController::finished, this, &MainWindow::onIngestFinished);
  connect(devices_view_, &DevicesView::showInRawLog, this, &MainWindow::showInRawLog);
  connect(health_view_, &HealthView::showInRawLog, this, &MainWindow::showInRawLog);
  connect(diff_view_, &DiffView::showInRawLog, this, &MainWindow::showInRawLog);
  connect(insights_view_, &InsightsView::showInRawLog, this, &MainWindow::showInRawLog);
  connect(insights_view_, &InsightsView::openChecklist, this, [this](const ChecklistSubject& subject) {
    checklist_view_->showSubject(subject);
    tabs_->setCurrentWidget(checklist_view_);
  });
  // A point of the timeline opens that run's cards (narrowed to the device when one is charted).
  connect(timeline_view_, &TimelineView::runChosen, this, [this](RunId run, const QString& device) {
    insights_view_->showRun(run);
    insights_view_->filterEdit()->setText(device);
    tabs_->setCurrentWidget(insights_view_);
  });
  connect(raw_view_, &RawLogView::failed, this, &MainWindow::reportError);
  connect(rule_view_, &RuleEditorView::failed, this, &MainWindow::reportError);
  connect(rule_view_, &RuleEditorView::changed, this,
          [this](const QString& message) { statusBar()->showMessage(message, kStatusMessageMs); });
  connect(detection_view_, &DetectionRuleEditorView::failed, this, &MainWindow::reportError);
  connect(detection_view_, &DetectionRuleEditorView::changed, this,
          [this](const QString& message) { statusBar()->showMessage(message, kStatusMessageMs); });
}

void MainWindow::showInRawLog(const RawLocation& location) {
  raw_view_->open(location);
  tabs_->setCurrentWidget(raw_view_);
  raw_view_->setFocus(Qt::OtherFocusReason);
}

// Ctrl+F: the find box of the raw log, else the filter of the view on top.
void MainWindow::focusFind() {
  if (tabs_->currentWidget() == raw_view_) {
    raw_view_->focusFind();
  } else if (tabs_->currentWidget() == health_view_) {
    health_view_->focusFilter();
  } else if (tabs_->currentWidget() == diff_view_) {
    diff_view_->focusFilter();
  } else if (tabs_->currentWidget() == insights_view_) {
    insights_view_->focusFilter();
  } else {
    devices_view_->focusFilter();
  }
}

// Destroying the session cancels and joins its work before the views go away.
MainWindow::~MainWindow() = default;

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open Bundle Folder…"), this, &MainWindow::openBundleFolderDialog);
  open->setShortcut(QKeySequence::Open);
  open->setStatusTip(tr("Ingest a folder of CLI captures into the store"));
  QAction* open_file =
      file->addAction(tr("Open Bundle &Archive or Log…"), this, &MainWindow::openBundleFileDialog);
  open_file->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
  open_file->setStatusTip(tr("Ingest a .zip, .tar.gz, .tgz or .tar bundle, or a single .log capture"));
  QMenu* recent_menu = file->addMenu(tr("&Recent Bundles"));
  file->addSeparator();
  QAction* open_store = file->addAction(tr("Open &Store…"), this, &MainWindow::openStoreDialog);
  open_store->setObjectName(QStringLiteral("openStoreAction"));
  open_store->setStatusTip(tr("Show another StateTrace store (.sqlite) in a new window"));
  QAction* new_store = file->addAction(tr("&New Store…"), this, &MainWindow::newStoreDialog);
  new_store->setObjectName(QStringLiteral("newStoreAction"));
  new_store->setStatusTip(tr("Create an empty store and show it in a new window"));
  recent_menu->setObjectName(QStringLiteral("recentBundlesMenu"));
  recent_ = new RecentBundlesMenu(settings_, recent_menu);
  connect(recent_, &RecentBundlesMenu::bundleChosen, this, &MainWindow::ingestBundle);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));  // QKeySequence::Quit is empty on some desktops
  quit->setMenuRole(QAction::QuitRole);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* find = edit->addAction(tr("&Find or Filter"), this, &MainWindow::focusFind);
  find->setShortcut(QKeySequence::Find);
  edit->addSeparator();
  QMenu* copy_commands = edit->addMenu(tr("&Copy Capture Commands"));
  copy_commands->setObjectName(QStringLiteral("captureCommandsMenu"));
  copy_commands->setStatusTip(tr("Copy a vendor's recommended show commands, to paste into the next capture"));
  auto* capture_commands = new CaptureCommandsMenu(copy_commands);
  connect(capture_commands, &CaptureCommandsMenu::copied, this,
          [this](const QString& message) { statusBar()->showMessage(message, 5000); });
  edit->addSeparator();
  preferences_ = edit->addAction(tr("&Preferences…"), this, &MainWindow::openPreferences);
  preferences_->setObjectName(QStringLiteral("preferencesAction"));
  preferences_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
  preferences_->setMenuRole(QAction::PreferencesRole);
  preferences_->setStatusTip(tr("The template folder every ingest uses"));

  QMenu* view = menuBar()->addMenu(tr("&View"));
  const QList<QWidget*> views{devices_view_, health_view_, raw_view_, rule_view_, diff_view_, insights_view_,
                              checklist_view_, timeline_view_,
                              detection_view_};
  for (int i = 0; i < views.size(); ++i) {
    QAction* show = view->addAction(tabs_->tabText(i), this, [this, page = views[i]] {
      tabs_->setCurrentWidget(page);
      page->setFocus(Qt::ShortcutFocusReason);
    });
    show->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
  }

  QMenu* rules = menuBar()->addMenu(tr("&Rules"));
  rules->addAction(rule_view_->saveAction());
  rules->addSeparator();
  rules->addAction(rule_view_->importAction());
  rules->addAction(rule_view_->exportAction());
  rules->addAction(detection_view_->exportAction());

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* keys = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
    auto* dialog = new ShortcutsDialog(*menuBar(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
  });
  keys->setObjectName(QStringLiteral("shortcutsAction"));
  keys->setShortcut(QKeySequence::HelpContents);
  QAction* about = help->addAction(tr("&About StateTrace"), this, &MainWindow::showAbout);
  about->setMenuRole(QAction::AboutRole);
}

void MainWindow::start(std::optional<QString> bundle, bool sample_when_empty) {
  pending_bundle_ = std::move(bundle);
  sample_when_empty_ = sample_when_empty;
  statusBar()->showMessage(tr("Opening the store…"));
  session_->open();
}

void MainWindow::onOpened(qsizetype runs) {
  runs_ = static_cast<std::size_t>(runs);
  updateStatus();
  rule_view_->refresh();
  if (pending_bundle_) {
    ingestBundle(*std::exchange(pending_bundle_, std::nullopt));
  } else if (runs == 0) {
    if (const QStringList sample = sample_when_empty_ ? find_sample_bundles() : QStringList{}; !sample.isEmpty()) {
      // The sample site's runs, oldest first, so that the latest snapshot is the newest run.
      ingestBundles(sample);
      statusBar()->showMessage(sample.size() == 1
                                   ? tr("First start: loading the sample bundle…")
                                   : tr("First start: loading the sample site's %1 runs…").arg(sample.size()));
    } else {
      statusBar()->showMessage(tr("The store is empty: use File → Open Bundle… or drop a bundle here to ingest captures."));
    }
  } else {
    statusBar()->clearMessage();
  }
  session_->refresh();
}

void MainWindow::ingestBundle(const QString& bundle) { ingestBundles(QStringList{bundle}); }

void MainWindow::ingestBundles(const QStringList& bundles) {
  if (bundles.isEmpty()) return;
  const bool was_running = ingest_->isRunning();
  ingest_->enqueue(bundles);
  if (was_running) {
    statusBar()->showMessage(bundles.size() == 1
                                 ? tr("Queued %1: it is ingested after the current one.").arg(display_name(bundles.first()))
                                 : tr("Queued %1 bundles after the current ingest.").arg(bundles.size()),
                             kStatusMessageMs);
  } else {
    statusBar()->showMessage(tr("Ingesting %1…").arg(QDir::toNativeSeparators(bundles.first())));
  }
}

void MainWindow::openBundleFolderDialog() {
  const QString bundle = QFileDialog::getExistingDirectory(
      this, tr("Open Bundle Folder"), settings_.lastBundleDir(), QFileDialog::ShowDirsOnly);
  if (bundle.isEmpty()) return;
  settings_.setLastBundleDir(QFileInfo(bundle).absolutePath());
  ingestBundle(bundle);
}

MainWindow* MainWindow::openStore(const QString& path, bool fresh) {
  const auto refuse = [this](const QString& why) -> MainWindow* {
    reportError(tr("Cannot switch stores"), Error{ErrorKind::Usage, why.toStdString(), {}, {}, {}, {}});
    return nullptr;
  };
  if (ingest_->isRunning()) return refuse(tr("An ingest is running in this store: wait for it or cancel it first."));
  const QFileInfo file(path);
  if (fresh && file.exists()) {
    return refuse(tr("%1 exists already: use File → Open Store… to show it.").arg(QDir::toNativeSeparators(path)));
  }
  if (!fresh && !file.isFile()) return refuse(tr("%1 is not a store file.").arg(QDir::toNativeSeparators(path)));
  if (!rule_view_->confirmDiscard() || !detection_view_->confirmDiscard()) return nullptr;
  discard_confirmed_ = true;  // closing below must not ask again
  settings_.setStorePath(file.absoluteFilePath());
  saveWindowState();
  auto* next = new MainWindow(file.absoluteFilePath().toStdString(), settings_);
  next->setAttribute(Qt::WA_DeleteOnClose);
  next->show();
  next->start(std::nullopt, !fresh);
  close();
  return next;
}

void MainWindow::openStoreDialog() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open Store"),
                                                    QFileInfo(session_->storePathText()).absolutePath(),
                                                    tr("StateTrace stores (*.sqlite);;All files (*)"));
  if (!path.isEmpty()) openStore(path);
}

void MainWindow::newStoreDialog() {
  QString path = QFileDialog::getSaveFileName(this, tr("New Store"), QFileInfo(session_->storePathText()).absolutePath(),
                                              tr("StateTrace stores (*.sqlite)"), nullptr,
                                              QFileDialog::DontConfirmOverwrite);
  if (path.isEmpty()) return;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".sqlite");
  openStore(path, true);
}

void MainWindow::openBundleFileDialog() {
  const QString bundle = QFileDialog::getOpenFileName(
      this, tr("Open Bundle Archive or Log"), settings_.lastBundleDir(), bundle_file_dialog_filter());
  if (bundle.isEmpty()) return;
  settings_.setLastBundleDir(QFileInfo(bundle).absolutePath());
  ingestBundle(bundle);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls() && !bundle_paths_from_urls(event->mimeData()->urls()).isEmpty())
    event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event) {
  if (event->mimeData()->hasUrls() && !bundle_paths_from_urls(event->mimeData()->urls()).isEmpty())
    event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QStringList bundles = bundle_paths_from_urls(event->mimeData()->urls());
  if (bundles.isEmpty()) {
    statusBar()->showMessage(
        tr("Nothing to ingest: drop bundle folders, .zip/.tar.gz/.tgz/.tar archives or .log files."),
        kStatusMessageMs);
    return;
  }
  event->acceptProposedAction();
  ingestBundles(bundles);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!discard_confirmed_ && (!rule_view_->confirmDiscard() || !detection_view_->confirmDiscard())) {
    event->ignore();
    return;
  }
  saveWindowState();
  QMainWindow::closeEvent(event);
}

void MainWindow::saveWindowState() {
  settings_.setWindowGeometry(saveGeometry());
  save_view_layouts(*tabs_, settings_);
}

void MainWindow::showAbout() {
  QMessageBox::about(
      this, tr("About StateTrace"),
      tr("<h3>StateTrace %1</h3>"
         "<p>Turns network-device CLI captures into snapshots you can browse, diff and check.</p>"
         "<p>Store: <code>%2</code></p>")
          .arg(QCoreApplication::applicationVersion(),
               QDir::toNativeSeparators(session_->storePathText()).toHtmlEscaped()));
}

void MainWindow::openPreferences() {
  auto* dialog = new SettingsDialog(settings_.templateDir(), settings_.hostnamePattern(), this);
  dialog->setKeepRuns(settings_.keepRuns());
  dialog->setTheme(settings_.theme());
  dialog->setStorePath(session_->storePathText());
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  // Queued: the file dialog opens once Preferences has closed.
  connect(dialog, &SettingsDialog::openStoreRequested, this, &MainWindow::openStoreDialog, Qt::QueuedConnection);
  connect(dialog, &SettingsDialog::newStoreRequested, this, &MainWindow::newStoreDialog, Qt::QueuedConnection);
  connect(dialog, &QDialog::accepted, this, [this, dialog] {
    settings_.setTemplateDir(dialog->templateDir());
    settings_.setHostnamePattern(dialog->hostnamePattern());
    settings_.setKeepRuns(dialog->keepRuns());
    if (dialog->theme() != settings_.theme()) {
      settings_.setTheme(dialog->theme());
      apply_theme(*qApp, dialog->theme());  // at once: every open window repaints
    }
    session_->setIngestSetup(ingest_setup_of(settings_));
    statusBar()->showMessage(dialog->templateDir().isEmpty()
                                 ? tr("Ingests use no template folder.")
                                 : tr("Ingests use the templates in %1.").arg(QDir::toNativeSeparators(dialog->templateDir())),
                             kStatusMessageMs);
  });
  dialog->open();
}

void MainWindow::onOverview(const StoreOverview& overview) {
  runs_ = overview.runs;
  devices_ = overview.devices ? overview.devices->size() : 0;
  sites_ = overview.sites;
  latest_capture_ = overview.latest_capture;
  updateStatus();
  devices_view_->showOverview(overview);
  health_view_->refresh();
  diff_view_->refresh();
  // Hidden views only note the change and load when shown (each query costs a store read).
  insights_view_->refreshWhenShown();
  timeline_view_->refreshWhenShown();
  detection_view_->refreshWhenShown();  // the runs to try a rule on
  emit overviewShown();
}

void MainWindow::onIngestFinished(const IngestOutcome& outcome) {
  const QString bundle = QString::fromStdString(outcome.bundle);
  if (outcome.summary && outcome.summary->duplicate_of) {
    // Every member is stored already: nothing was written, nothing to refresh.
    recent_->add(bundle);
    statusBar()->showMessage(tr("Already stored as run %1 — nothing new in %2.")
                                 .arg(outcome.summary->duplicate_of->value)
                                 .arg(display_name(bundle)),
                             kStatusMessageMs * 2);
  } else if (outcome.summary) {
    const auto& summary = *outcome.summary;
    recent_->add(bundle);
    statusBar()->showMessage(
        tr("Ingested %1 as run %5: %2 file(s), %3 device(s) in %4 s")
            .arg(display_name(bundle))
            .arg(summary.files)
            .arg(summary.devices)
            .arg(summary.seconds, 0, 'f', 2)
            .arg(summary.run.value),
        kStatusMessageMs);
    session_->refresh();
  } else if (outcome.cancelled) {
    statusBar()->showMessage(tr("Ingest cancelled: the store is unchanged."), kStatusMessageMs);
  } else if (outcome.error) {
    reportError(tr("Ingesting %1 failed").arg(QString::fromStdString(outcome.bundle)), *outcome.error);
  }
}

void MainWindow::reportError(const QString& what, const Error& error) {
  const QString details = QString::fromStdString(error.describe());
  statusBar()->showMessage(what + QStringLiteral(": ") + details);
  emit errorReported(what + QStringLiteral(": ") + details);

  // Non-blocking, so a failing background task never stalls the event loop.
  auto* box = new QMessageBox(QMessageBox::Warning, tr("StateTrace"), what, QMessageBox::Ok, this);
  box->setInformativeText(details);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

void MainWindow::updateStatus() {
  counts_label_->setText(storeSummaryText());
}

QString MainWindow::storeSummaryText() const {
  // English plurals by hand: %n forms only resolve once a translation is installed.
  const QString runs = runs_ == 1 ? tr("1 run") : tr("%1 runs").arg(runs_);
  const QString devices = devices_ == 1 ? tr("1 device") : tr("%1 devices").arg(devices_);
  const QString sites = sites_ == 1 ? tr("1 site") : tr("%1 sites").arg(sites_);
  QString text = runs + QStringLiteral(" · ") + devices + QStringLiteral(" · ") + sites;
  if (latest_capture_)
    text += QStringLiteral(" · ") + tr("latest capture %1").arg(capture_time_text(*latest_capture_));
  return text;
}

}  // namespace st::ui
