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
  cancelling_ = false;
  bundle_name_ = QFileInfo(bundle).fileName();
  if (bundle_name_.isEmpty()) bundle_name_ = QDir::toNativeSeparators(bundle);

  progress_text_ = tr("Ingesting %1…").arg(bundle_name_);
  dialog_ = new QProgressDialog(progress_text_, tr("Cancel"), 0, kProgressSteps, dialog_parent_);
  dialog_->setWindowTitle(tr("Ingest bundle"));
  dialog_->setWindowModality(Qt::WindowModal);
  dialog_->setMinimumDuration(400);  // small bundles finish before it shows
  dialog_->setAutoClose(false);
  dialog_->setAutoReset(false);
  dialog_->setMinimumWidth(420);
  dialog_->setValue(0);
  connect(dialog_, &QProgressDialog::canceled, this, &IngestController::cancel);
  return true;
}

void IngestController::enqueue(const QStringList& bundles) {
  queue_ << bundles;
  if (!isRunning()) startNext();
}

void IngestController::startNext() {
  while (!queue_.isEmpty() && !isRunning()) start(queue_.takeFirst());
}

void IngestController::cancel() {
  queue_.clear();
  if (!isRunning()) return;
  cancelling_ = true;
  session_.cancelIngest();
  progress_text_ = tr("Cancelling…");
  if (dialog_) dialog_->setLabelText(progress_text_);
}

void IngestController::onProgress(double fraction, const QString& message) {
  if (!dialog_ || cancelling_) return;
  dialog_->setValue(static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * kProgressSteps)));
  if (message.isEmpty()) return;
  QString text = tr("Ingesting %1").arg(bundle_name_);
  if (!queue_.isEmpty()) text += QStringLiteral(" ") + tr("(%1 more queued)").arg(queue_.size());
  // The core names the member it is on ("parsing and storing BR2-F1-ACC-01.log").
  QString step = message;
  if (!step.isEmpty()) step[0] = step[0].toUpper();
  progress_text_ = text + QStringLiteral("\n") + step;
  dialog_->setLabelText(progress_text_);
}

void IngestController::onFinished(const IngestOutcome& outcome) {
  if (dialog_) {
    dialog_->hide();
    dialog_->deleteLater();
    dialog_ = nullptr;
  }
  emit finished(outcome);
  startNext();
}

}  // namespace st::ui
