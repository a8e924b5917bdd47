#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

#include <utility>

#include "ui/ingest_controller.h"
#include "ui/models/device_table_model.h"
#include "ui/sample_bundle.h"
#include "ui/store_session.h"
#include "ui/views/devices_view.h"

namespace st::ui {

namespace {
constexpr int kStatusMessageMs = 8000;
}

MainWindow::MainWindow(std::filesystem::path store_path, QWidget* parent)
    : QMainWindow(parent),
      session_(new StoreSession(std::move(store_path), this)),
      devices_view_(new DevicesView(*session_, this)),
      ingest_(new IngestController(*session_, this)),
      store_label_(new QLabel(this)),
      counts_label_(new QLabel(this)) {
  setWindowTitle(tr("StateTrace — %1").arg(session_->storeFileName()));
  resize(1200, 760);
  setCentralWidget(devices_view_);
  devices_view_->setFocus();
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
}

// Destroying the session cancels and joins its work before the views go away.
MainWindow::~MainWindow() = default;

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open Bundle…"), this, &MainWindow::openBundleDialog);
  open->setShortcut(QKeySequence::Open);
  open->setStatusTip(tr("Ingest a directory of CLI captures into the store"));
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));  // QKeySequence::Quit is empty on some desktops
  quit->setMenuRole(QAction::QuitRole);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* find = edit->addAction(tr("&Filter"), devices_view_, &DevicesView::focusFilter);
  find->setShortcut(QKeySequence::Find);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* about = help->addAction(tr("&About StateTrace"), this, &MainWindow::showAbout);
  about->setMenuRole(QAction::AboutRole);
}

void MainWindow::start(std::optional<QString> bundle) {
  pending_bundle_ = std::move(bundle);
  statusBar()->showMessage(tr("Opening the store…"));
  session_->open();
}

void MainWindow::onOpened(qsizetype runs) {
  runs_ = static_cast<std::size_t>(runs);
  updateStatus();
  if (pending_bundle_) {
    ingestBundle(*std::exchange(pending_bundle_, std::nullopt));
  } else if (runs == 0) {
    if (const auto sample = find_sample_bundle()) {
      statusBar()->showMessage(tr("First start: loading the sample bundle…"));
      ingestBundle(*sample);
    } else {
      statusBar()->showMessage(tr("The store is empty: use File → Open Bundle… to ingest captures."));
    }
  } else {
    statusBar()->clearMessage();
  }
  session_->refresh();
}

void MainWindow::ingestBundle(const QString& bundle) {
  if (!ingest_->start(bundle)) {
    statusBar()->showMessage(tr("An ingest is already running."), kStatusMessageMs);
    return;
  }
  statusBar()->showMessage(tr("Ingesting %1…").arg(QDir::toNativeSeparators(bundle)));
}

void MainWindow::openBundleDialog() {
  const QString bundle = QFileDialog::getExistingDirectory(
      this, tr("Open Bundle"), QString(), QFileDialog::ShowDirsOnly);
  if (!bundle.isEmpty()) ingestBundle(bundle);
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

void MainWindow::onOverview(const StoreOverview& overview) {
  runs_ = overview.runs;
  devices_ = overview.devices ? overview.devices->size() : 0;
  updateStatus();
  devices_view_->showOverview(overview);
  emit overviewShown();
}

void MainWindow::onIngestFinished(const IngestOutcome& outcome) {
  if (outcome.summary) {
    const auto& summary = *outcome.summary;
    statusBar()->showMessage(
        tr("Ingested %1: %2 file(s), %3 device(s) in %4 s")
            .arg(QString::fromStdString(outcome.bundle))
            .arg(summary.files)
            .arg(summary.devices)
            .arg(summary.seconds, 0, 'f', 2),
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
  // English plurals by hand: %n forms only resolve once a translation is installed.
  const QString runs = runs_ == 1 ? tr("1 run") : tr("%1 runs").arg(runs_);
  const QString devices = devices_ == 1 ? tr("1 device") : tr("%1 devices").arg(devices_);
  counts_label_->setText(runs + QStringLiteral(" · ") + devices);
}

}  // namespace st::ui
