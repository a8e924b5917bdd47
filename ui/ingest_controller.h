// Runs ingests through the StoreSession one after another (a queue, e.g. several
// dropped bundles) behind a progress dialog that names the file being parsed and has a
// working Cancel. The dialog only appears when an ingest takes longer than a moment.
#pragma once

#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>
#include <QStringList>

#include "ui/store_tasks.h"

class QWidget;

namespace st::ui {

class StoreSession;

class IngestController : public QObject {
  Q_OBJECT

 public:
  IngestController(StoreSession& session, QWidget* dialog_parent);

  // Starts ingesting `bundle`; false (and nothing happens) while another ingest runs.
  bool start(const QString& bundle);
  // Ingests `bundles` in order after whatever runs or waits already.
  void enqueue(const QStringList& bundles);
  // Stops the running ingest (the store stays as it was) and drops the queued ones.
  void cancel();
  bool isRunning() const;
  qsizetype queuedCount() const { return queue_.size(); }
  // Made by the first ingest and kept (hidden between ingests) for the controller's life.
  QProgressDialog* dialog() const { return dialog_; }
  // The dialog's text: the bundle and the step or file being parsed.
  QString progressText() const { return progress_text_; }

 signals:
  void finished(const st::ui::IngestOutcome& outcome);

 private:
  void onProgress(double fraction, const QString& message);
  void onFinished(const IngestOutcome& outcome);
  void startNext();

  StoreSession& session_;
  QWidget* dialog_parent_;
  QPointer<QProgressDialog> dialog_;
  QString bundle_name_;
  QString progress_text_;
  QStringList queue_;
  bool cancelling_ = false;
  bool updating_value_ = false;  // inside QProgressDialog::setValue(), which processes events
};

}  // namespace st::ui
