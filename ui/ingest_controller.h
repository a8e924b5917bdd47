// Runs one ingest through the StoreSession behind a progress dialog with a working
// Cancel. The dialog only appears when the ingest takes longer than a moment.
#pragma once

#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>

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
  bool isRunning() const;
  QProgressDialog* dialog() const { return dialog_; }

 signals:
  void finished(const st::ui::IngestOutcome& outcome);

 private:
  void onProgress(double fraction, const QString& message);
  void onFinished(const IngestOutcome& outcome);

  StoreSession& session_;
  QWidget* dialog_parent_;
  QPointer<QProgressDialog> dialog_;
  QString bundle_name_;
};

}  // namespace st::ui
