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
  // One dialog for every ingest, never deleted while the controller runs: a window-modal
  // QProgressDialog runs the event loop inside setValue(), so an ingest can finish (and the
  // next one start) inside onProgress(), with this dialog's setValue() on the stack.
  if (!dialog_) {
    dialog_ = new QProgressDialog(dialog_parent_);
    dialog_->setRange(0, kProgressSteps);
    dialog_->setCancelButtonText(tr("Cancel"));
    dialog_->setWindowTitle(tr("Ingest bundle"));
    dialog_->setWindowModality(Qt::WindowModal);
    dialog_->setMinimumDuration(400);  // small bundles finish before it shows
    dialog_->setAutoClose(false);
    dialog_->setAutoReset(false);
    dialog_->setMinimumWidth(420);
    connect(dialog_, &QProgressDialog::canceled, this, &IngestController::cancel);
  }
  dialog_->reset();  // hidden again until this ingest takes longer than a moment
  dialog_->setLabelText(progress_text_);
  dialog_->setValue(0);
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
  if (!message.isEmpty()) {
    QString text = tr("Ingesting %1").arg(bundle_name_);
    if (!queue_.isEmpty()) text += QStringLiteral(" ") + tr("(%1 more queued)").arg(queue_.size());
    // The core names the member it is on ("parsing and storing BR2-F1-ACC-01.log").
    QString step = message;
    step[0] = step[0].toUpper();
    progress_text_ = text + QStringLiteral("\n") + step;
    dialog_->setLabelText(progress_text_);
  }
  // setValue() of a window-modal dialog on screen processes events: later progress, the
  // end of this ingest and the start of the next one can all run inside it. So it comes
  // last, nothing here touches the dialog after it, and the updates it delivers only set
  // the text (no setValue() within setValue(), which would nest once per queued update).
  if (updating_value_) return;
  updating_value_ = true;
  dialog_->setValue(static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * kProgressSteps)));
  updating_value_ = false;
}

void IngestController::onFinished(const IngestOutcome& outcome) {
  if (dialog_) {
    dialog_->hide();
    dialog_->reset();  // stops the timer that would still show it
  }
  emit finished(outcome);
  startNext();
}

}  // namespace st::ui
