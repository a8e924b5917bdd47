#include "ui/ingest_controller.h"

#include <QDir>
#include <QFileInfo>
#include <QProgressDialog>

#include <algorithm>
#include <cmath>

#include "ui/store_session.h"

namespace st::ui {

namespace {
constexpr int kProgressSteps = 1000;
}

IngestController::IngestController(StoreSession& session, QWidget* dialog_parent)
    : QObject(dialog_parent), session_(session), dialog_parent_(dialog_parent) {
  connect(&session_, &StoreSession::ingestProgress, this, &IngestController::onProgress);
  connect(&session_, &StoreSession::ingestFinished, this, &IngestController::onFinished);
}

bool IngestController::isRunning() const { return session_.isIngesting(); }

bool IngestController::start(const QString& bundle) {
  if (!session_.startIngest(bundle)) return false;
  bundle_name_ = QFileInfo(bundle).fileName();
  if (bundle_name_.isEmpty()) bundle_name_ = QDir::toNativeSeparators(bundle);

  dialog_ = new QProgressDialog(tr("Ingesting %1…").arg(bundle_name_), tr("Cancel"), 0,
                                kProgressSteps, dialog_parent_);
  dialog_->setWindowTitle(tr("Ingest bundle"));
  dialog_->setWindowModality(Qt::WindowModal);
  dialog_->setMinimumDuration(400);  // small bundles finish before it shows
  dialog_->setAutoClose(false);
  dialog_->setAutoReset(false);
  dialog_->setMinimumWidth(420);
  dialog_->setValue(0);
  connect(dialog_, &QProgressDialog::canceled, this, [this] {
    session_.cancelIngest();
    if (dialog_) dialog_->setLabelText(tr("Cancelling…"));
  });
  return true;
}

void IngestController::onProgress(double fraction, const QString& message) {
  if (!dialog_ || dialog_->wasCanceled()) return;
  dialog_->setValue(static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * kProgressSteps)));
  if (!message.isEmpty()) dialog_->setLabelText(tr("Ingesting %1\n%2").arg(bundle_name_, message));
}

void IngestController::onFinished(const IngestOutcome& outcome) {
  if (dialog_) {
    dialog_->hide();
    dialog_->deleteLater();
    dialog_ = nullptr;
  }
  emit finished(outcome);
}

}  // namespace st::ui
