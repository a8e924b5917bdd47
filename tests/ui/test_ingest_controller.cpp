#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QProgressDialog>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>
#include <QWidget>

#include "ui/ingest_controller.h"
#include "ui/store_session.h"
#include "ui/store_tasks.h"
#include "ui_test_support.h"

namespace t = st::ui::test;

// A window-modal QProgressDialog runs the event loop inside setValue() once it is on
// screen. When the GUI thread falls behind, the ingest's progress updates and its end
// are all queued at once, so the ingest finishes (and the next one starts) inside the
// controller's own progress update: the controller must not touch a dialog that went
// away meanwhile (this segfaulted about once in 70 first starts).
TEST_CASE("an ingest that finishes inside a progress update of its dialog", "[ui][ingest]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("store.sqlite")).toStdString();
  REQUIRE(st::ui::open_and_migrate(store).error == std::nullopt);

  QWidget window;
  window.resize(640, 480);
  window.show();
  st::ui::StoreSession session(store);
  st::ui::IngestController controller(session, &window);
  QSignalSpy finished(&controller, &st::ui::IngestController::finished);
  // Connected after the controller: was the dialog on screen (so setValue() ran the loop)?
  bool dialog_shown = false;
  QObject::connect(&session, &st::ui::StoreSession::ingestProgress, &controller,
                   [&] { dialog_shown = dialog_shown || (controller.dialog() && controller.dialog()->isVisible()); });

  QElapsedTimer clock;
  clock.start();
  controller.enqueue({QString::fromStdString(t::sample_run(1).string()),
                      QString::fromStdString(t::sample_run(2).string())});
  REQUIRE(controller.isRunning());
  for (int ingest = 1; ingest <= 2; ++ingest) {
    // A busy GUI thread: the whole ingest runs, and the dialog's minimum duration passes,
    // before the first progress update is delivered.
    REQUIRE(QThreadPool::globalInstance()->waitForDone(30000));
    while (clock.elapsed() < 600) QThread::msleep(10);
    REQUIRE(t::wait_until([&] { return finished.count() == ingest; }, 30000));
    clock.restart();
  }
  for (int i = 0; i < 2; ++i) {
    const auto outcome = finished.at(i).at(0).value<st::ui::IngestOutcome>();
    INFO((outcome.error ? outcome.error->describe() : std::string()));
    CHECK(outcome.summary.has_value());
  }
  CHECK(dialog_shown);
  CHECK_FALSE(controller.isRunning());
  REQUIRE(t::wait_until([&] { return !controller.dialog() || !controller.dialog()->isVisible(); }));
  CHECK(t::runs_in(store).size() == 2);
}
