// Bundles into the window: drag and drop, archives and single logs, duplicates,
// cancel through the progress dialog, and the file names progress shows.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QMimeData>
#include <QPalette>
#include <QPixmap>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <archive.h>
#include <archive_entry.h>

#include "ui/bundle_paths.h"
#include "ui/ingest_controller.h"
#include "ui/main_window.h"
#include "ui/models/device_table_model.h"
#include "ui/store_session.h"
#include "ui/theme.h"
#include "ui/views/devices_view.h"
#include "ui_test_support.h"

using st::ui::AppSettings;
using st::ui::IngestOutcome;
using st::ui::MainWindow;
namespace t = st::ui::test;

namespace {

// Writes every file of `folder` into a new zip at `zip_path`, under `prefix/`.
void write_zip(const QString& zip_path, const QString& folder, const QString& prefix) {
  archive* zip = archive_write_new();
  REQUIRE(archive_write_set_format_zip(zip) == ARCHIVE_OK);
  REQUIRE(archive_write_open_filename(zip, QFile::encodeName(zip_path).constData()) == ARCHIVE_OK);
  const QDir dir(folder);
  for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
    QFile file(dir.filePath(name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, QFile::encodeName(prefix + QStringLiteral("/") + name).constData());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, bytes.size());
    REQUIRE(archive_write_header(zip, entry) == ARCHIVE_OK);
    REQUIRE(archive_write_data(zip, bytes.constData(), static_cast<size_t>(bytes.size())) == bytes.size());
    archive_entry_free(entry);
  }
  REQUIRE(archive_write_close(zip) == ARCHIVE_OK);
  archive_write_free(zip);
}

AppSettings temp_settings(const QTemporaryDir& dir) {
  return AppSettings::atPath(dir.filePath(QStringLiteral("settings.ini")));
}

void open_and_wait(MainWindow& window) {
  QSignalSpy shown(&window, &MainWindow::overviewShown);
  window.show();
  window.start();
  REQUIRE(t::wait_until([&] { return shown.count() >= 1; }));
}

IngestOutcome outcome_at(const QSignalSpy& spy, int i) { return spy.at(i).at(0).value<IngestOutcome>(); }

std::string error_of(const IngestOutcome& outcome) {
  return outcome.error ? outcome.error->describe() : std::string();
}

// Saves a screenshot of the window (light, then dark palette) with the device view's
// groups on show.
void grab_both_palettes(MainWindow& window, const QString& name) {
  auto save = [&](const QString& file) {
    QTest::qWait(50);
    const QPixmap shot = window.grab();
    REQUIRE(shot.save(t::screenshot_dir() + QStringLiteral("/") + file));
    const auto stats = t::image_stats(shot.toImage());
    CHECK(stats.distinct_colors >= 16);
    CHECK(stats.dominant_share < 0.9);
  };
  save(name + QStringLiteral(".png"));
  const QPalette light = QApplication::palette();
  st::ui::apply_theme(*qApp, st::ui::Theme::Dark);
  save(name + QStringLiteral("-dark.png"));
  QApplication::setPalette(light);
}

QString counts_text(MainWindow& window) {
  for (auto* label : window.statusBar()->findChildren<QLabel*>())
    if (label->text().contains(QStringLiteral(" run"))) return label->text();
  return {};
}

}  // namespace

TEST_CASE("bundle paths: folders and archive/log files are accepted, others are not", "[ui][intake]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  for (const char* name : {"a.zip", "b.TAR.GZ", "c.tgz", "d.tar", "e.log", "f.txt"}) {
    QFile file(dir.filePath(QString::fromLatin1(name)));
    REQUIRE(file.open(QIODevice::WriteOnly));
  }
  CHECK(st::ui::is_bundle_path(dir.path()));
  CHECK_FALSE(st::ui::is_bundle_path(dir.filePath(QStringLiteral("f.txt"))));
  CHECK_FALSE(st::ui::is_bundle_path(dir.filePath(QStringLiteral("missing.zip"))));
  QList<QUrl> urls;
  for (const char* name : {"a.zip", "b.TAR.GZ", "c.tgz", "d.tar", "e.log", "f.txt"})
    urls << QUrl::fromLocalFile(dir.filePath(QString::fromLatin1(name)));
  urls << QUrl(QStringLiteral("https://example.com/x.zip"));
  CHECK(st::ui::bundle_paths_from_urls(urls).size() == 5);
}

TEST_CASE("dropping a folder and a .log onto the window ingests them one after another",
          "[ui][intake]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("store.sqlite")).toStdString();
  // A log of a third switch: the fixture's ACC-02 under another hostname.
  QFile source(QString::fromStdString((t::fixture_bundle() / "BR2-F1-ACC-02.log").string()));
  REQUIRE(source.open(QIODevice::ReadOnly));
  const QString single_log = dir.filePath(QStringLiteral("BR3-F1-ACC-09.log"));
  {
    QFile out(single_log);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(source.readAll().replace("BR2-F1-ACC-02", "BR3-F1-ACC-09"));
  }
  QFile ignored(dir.filePath(QStringLiteral("notes.txt")));
  REQUIRE(ignored.open(QIODevice::WriteOnly));
  ignored.close();

  // The store holds the sample already, so the window does not load it on first start.
  t::ingest_or_fail(store, t::sample_run(1));
  MainWindow window(store, temp_settings(dir));
  open_and_wait(window);
  const int before = window.devicesView()->deviceModel()->rowCount();

  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(QString::fromStdString(t::fixture_bundle().string())),
                QUrl::fromLocalFile(single_log), QUrl::fromLocalFile(ignored.fileName())});
  const QPoint centre = window.rect().center();
  QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&window, &enter);
  CHECK(enter.isAccepted());

  QMimeData only_text;
  only_text.setUrls({QUrl::fromLocalFile(ignored.fileName())});
  QDragEnterEvent refused(centre, Qt::CopyAction, &only_text, Qt::LeftButton, Qt::NoModifier);
  refused.setAccepted(false);
  QApplication::sendEvent(&window, &refused);
  CHECK_FALSE(refused.isAccepted());

  QSignalSpy finished(window.ingestController(), &st::ui::IngestController::finished);
  QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&window, &drop);
  CHECK(drop.isAccepted());
  CHECK(window.ingestController()->queuedCount() == 1);  // the .log waits for the folder

  REQUIRE(t::wait_until([&] { return finished.count() == 2; }));
  for (int i = 0; i < 2; ++i) {
    INFO(error_of(outcome_at(finished, i)));
    REQUIRE(outcome_at(finished, i).summary.has_value());
  }
  CHECK(outcome_at(finished, 0).bundle == t::fixture_bundle().string());
  CHECK(QString::fromStdString(outcome_at(finished, 1).bundle) == single_log);
  REQUIRE(t::wait_until([&] { return window.devicesView()->deviceModel()->rowCount() == before + 3; }));
  CHECK(t::runs_in(store).size() == 3);
  CHECK(window.devicesView()->selectDevice(QStringLiteral("BR3-F1-ACC-09")));
  grab_both_palettes(window, QStringLiteral("devices-by-site"));
  // Both went into Recent Bundles, the last one first.
  CHECK(window.settings().recentBundles() ==
        QStringList{single_log, QDir::cleanPath(QString::fromStdString(t::fixture_bundle().string()))});
}

TEST_CASE("a .zip bundle built at test time opens like a folder", "[ui][intake]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("store.sqlite")).toStdString();
  const QString zip = dir.filePath(QStringLiteral("mini-bundle.zip"));
  write_zip(zip, QString::fromStdString(t::fixture_bundle().string()), QStringLiteral("mini-bundle"));
  t::ingest_or_fail(store, t::sample_run(1));

  MainWindow window(store, temp_settings(dir));
  open_and_wait(window);
  QSignalSpy finished(window.ingestController(), &st::ui::IngestController::finished);
  window.ingestBundle(zip);
  REQUIRE(t::wait_until([&] { return finished.count() == 1; }));
  const IngestOutcome outcome = outcome_at(finished, 0);
  INFO(error_of(outcome));
  REQUIRE(outcome.summary.has_value());
  CHECK(outcome.summary->devices == 2);
  CHECK(outcome.summary->files == 2);
  CHECK(window.statusBar()->currentMessage().startsWith(QStringLiteral("Ingested")));
  REQUIRE(t::wait_until([&] { return window.devicesView()->selectDevice(QStringLiteral("BR2-F1-ACC-01")); }));
  CHECK(window.settings().recentBundles().first() == zip);
}

TEST_CASE("a bundle stored already says so and writes nothing", "[ui][intake]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("store.sqlite")).toStdString();
  t::ingest_or_fail(store, t::fixture_bundle());

  MainWindow window(store, temp_settings(dir));
  open_and_wait(window);
  QSignalSpy finished(window.ingestController(), &st::ui::IngestController::finished);
  QSignalSpy errors(&window, &MainWindow::errorReported);
  window.ingestBundle(QString::fromStdString(t::fixture_bundle().string()));
  REQUIRE(t::wait_until([&] { return finished.count() == 1; }));
  const IngestOutcome outcome = outcome_at(finished, 0);
  INFO(error_of(outcome));
  REQUIRE(outcome.summary.has_value());
  REQUIRE(outcome.summary->duplicate_of.has_value());
  const QString message = window.statusBar()->currentMessage();
  CHECK(message.startsWith(QStringLiteral("Already stored as run %1 — nothing new")
                               .arg(outcome.summary->duplicate_of->value)));
  CHECK(message.contains(QStringLiteral("mini-bundle")));
  CHECK(errors.count() == 0);  // not an error, no message box
  CHECK(t::runs_in(store).size() == 1);
  CHECK(window.runCount() == 1);
}

TEST_CASE("Cancel in the progress dialog leaves the store as it was", "[ui][intake]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("store.sqlite")).toStdString();
  t::ingest_or_fail(store, t::fixture_bundle());
  const auto runs_before = t::runs_in(store);

  MainWindow window(store, temp_settings(dir));
  open_and_wait(window);
  QSignalSpy finished(window.ingestController(), &st::ui::IngestController::finished);
  window.ingestBundles({QString::fromStdString(t::sample_run(1).string()),
                        QString::fromStdString(t::fixture_bundle().string())});
  auto* dialog = window.ingestController()->dialog();
  REQUIRE(dialog != nullptr);
  auto* cancel = dialog->findChild<QPushButton*>();
  REQUIRE(cancel != nullptr);
  cancel->click();  // what the user's click does, before the first file is stored
  CHECK(window.ingestController()->queuedCount() == 0);  // Cancel drops the queue too

  REQUIRE(t::wait_until([&] { return finished.count() == 1; }));
  const IngestOutcome outcome = outcome_at(finished, 0);
  CHECK(outcome.cancelled);
  CHECK_FALSE(outcome.summary.has_value());
  CHECK(window.statusBar()->currentMessage() == QStringLiteral("Ingest cancelled: the store is unchanged."));
  QTest::qWait(100);
  CHECK(finished.count() == 1);  // the queued fixture did not start
  const auto runs_after = t::runs_in(store);
  REQUIRE(runs_after.size() == runs_before.size());
  CHECK(runs_after.front().id == runs_before.front().id);
  CHECK(window.devicesView()->deviceModel()->rowCount() == 2);
}

TEST_CASE("progress names the file being parsed; the status bar sums up the store",
          "[ui][intake]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("store.sqlite")).toStdString();
  t::ingest_or_fail(store, t::fixture_bundle());

  MainWindow window(store, temp_settings(dir));
  open_and_wait(window);
  QStringList texts;
  // Connected after the controller, so each progress text is already on the dialog.
  QObject::connect(&window.session(), &st::ui::StoreSession::ingestProgress, &window,
                   [&] { texts << window.ingestController()->progressText(); });
  QSignalSpy finished(window.ingestController(), &st::ui::IngestController::finished);
  window.ingestBundle(QString::fromStdString(t::sample_run(1).string()));
  REQUIRE(t::wait_until([&] { return finished.count() == 1; }));
  INFO(texts.join(QStringLiteral(" | ")).toStdString());
  bool named_a_file = false;
  for (const QString& text : texts)
    named_a_file |= text.startsWith(QStringLiteral("Ingesting run-1\n")) && text.contains(QStringLiteral(".log"));
  CHECK(named_a_file);

  REQUIRE(t::wait_until([&] { return window.runCount() == 2; }));
  const QString counts = counts_text(window);
  INFO(counts.toStdString());
  CHECK(counts.startsWith(QStringLiteral("2 runs · 10 devices · 2 sites · ")));  // fixture BR2 (2) + sample HQ (8)
  CHECK(counts.contains(QStringLiteral("latest capture ")));
  CHECK(window.storeSummaryText() == counts);
}
