#include "ui/screenshot_tour.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QPixmap>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>

#include "ui/app_settings.h"
#include "ui/ingest_controller.h"
#include "ui/main_window.h"
#include "ui/models/insight_card_model.h"
#include "ui/models/rule_list_model.h"
#include "ui/theme.h"
#include "ui/view_layout.h"
#include "ui/models/detection_rule_list_model.h"
#include "ui/views/detection_rule_editor_view.h"
#include "ui/views/devices_view.h"
#include "ui/views/table_pane.h"
#include "ui/models/natural_sort_proxy.h"
#include "ui/views/insights_view.h"
#include "ui/views/rule_editor_view.h"

namespace st::ui {
namespace {

// Runs the event loop until `done` holds (checked every few ms) or `timeout_ms` passes.
bool wait_until(const std::function<bool()>& done, int timeout_ms) {
  if (done()) return true;
  const QDeadlineTimer deadline(timeout_ms);
  QEventLoop loop;
  QTimer tick;
  tick.setInterval(10);
  QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
    if (done() || deadline.hasExpired()) loop.quit();
  });
  tick.start();
  loop.exec();
  return done();
}

// Views with async loads say so through a `busy` property (false once their data is shown);
// a view without one has nothing to wait for.
bool is_busy(const QWidget& view) {
  const QVariant busy = view.property("busy");
  return busy.isValid() && busy.toBool();
}

// Lets queued layout requests and repaints run, so the grab shows the settled view.
void settle() {
  for (int i = 0; i < 3; ++i) QCoreApplication::processEvents();
}

// The first card (depth first) that has a runbook, selected, with its checklist opened.
bool open_card_with_runbook(InsightsView& insights, const QModelIndex& parent = {}) {
  const InsightCardModel* model = insights.cardModel();
  for (int row = 0; row < model->rowCount(parent); ++row) {
    const QModelIndex index = model->index(row, 0, parent);
    if (const InsightCard* card = model->cardAt(index);
        card != nullptr && insights.selectCard(card->row.id) && insights.openCurrentChecklist())
      return true;
    if (open_card_with_runbook(insights, index)) return true;
  }
  return false;
}

// Something to look at in every view that needs a choice made first.
void choose_content(MainWindow& window) {
  if (InsightsView* insights = window.insightsView(); insights->cardModel()->rowCount() > 0) {
    if (!open_card_with_runbook(*insights)) {
      const QModelIndex first = insights->cardModel()->index(0, 0);
      if (const InsightCard* card = insights->cardModel()->cardAt(first)) insights->selectCard(card->row.id);
    }
    if (const auto location = insights->currentLocation()) window.showInRawLog(*location);
  }
  RuleEditorView* rules = window.ruleEditorView();
  if (rules->listModel()->rowCount() > 0)
    rules->openRule(QString::fromStdString(rules->listModel()->rowAt(0)->id));
  // The devices view's first port, so its history pane has rows.
  DevicesView* devices = window.devicesView();
  if (const QModelIndex first = devices->interfacePane()->proxy()->index(0, 0); first.isValid())
    devices->selectInterface(first.data().toString());
  // A rule that fires on the sample site, so its preview lists findings.
  DetectionRuleEditorView* detection = window.detectionRuleEditorView();
  if (detection->listModel()->rowOf(QStringLiteral("port-flapping")) >= 0) {
    detection->openRule(QStringLiteral("port-flapping"));
  } else if (const auto* first = detection->listModel()->rowAt(0)) {
    detection->openRule(QString::fromStdString(first->id));
  }
}

}  // namespace

std::expected<QStringList, QString> write_screenshots(QApplication& app, const ScreenshotOptions& options) {
  const QDir out(options.dir);
  if (!QDir().mkpath(options.dir) || !out.exists())
    return std::unexpected(QStringLiteral("cannot create the folder %1").arg(QDir::toNativeSeparators(options.dir)));
  QTemporaryDir scratch;
  if (!scratch.isValid()) return std::unexpected(QStringLiteral("cannot create a scratch folder"));
  const std::filesystem::path store =
      options.store.value_or(scratch.filePath(QStringLiteral("sample.sqlite")).toStdString());

  // Scratch settings: the user's geometry, layout and theme neither shape nor receive these shots.
  MainWindow window(store, AppSettings::atPath(scratch.filePath(QStringLiteral("settings.ini"))));
  QString error;
  bool fresh_overview = false;  // an overview arrived after the last ingest finished
  QObject::connect(&window, &MainWindow::errorReported, &window, [&](const QString& message) { error = message; });
  QObject::connect(&window, &MainWindow::overviewShown, &window, [&] { fresh_overview = true; });
  QObject::connect(window.ingestController(), &IngestController::finished, &window,
                   [&] { fresh_overview = false; });
  window.resize(options.window_size);
  window.show();
  window.start();
  const auto loaded = [&] {
    const IngestController* ingest = window.ingestController();
    return !error.isEmpty() || (fresh_overview && !ingest->isRunning() && ingest->queuedCount() == 0);
  };
  if (!wait_until(loaded, options.load_timeout_ms))
    return std::unexpected(QStringLiteral("the store did not open (and ingest the sample) within %1 s")
                               .arg(options.load_timeout_ms / 1000));
  if (!error.isEmpty()) return std::unexpected(error);
  if (window.runCount() == 0) return std::unexpected(QStringLiteral("the store has no runs and the sample site was not found"));

  QTabWidget* tabs = window.viewTabs();
  const auto wait_for_view = [&](int index) -> std::expected<void, QString> {
    QWidget* view = tabs->widget(index);
    if (!wait_until([&] { return !error.isEmpty() || !is_busy(*view); }, options.view_timeout_ms))
      return std::unexpected(QStringLiteral("the %1 view did not finish loading within %2 s")
                                 .arg(tabs->tabText(index).remove(QLatin1Char('&')))
                                 .arg(options.view_timeout_ms / 1000));
    if (!error.isEmpty()) return std::unexpected(error);
    return {};
  };
  // The insight cards and the rule list load after the overview: choose from them once they are in.
  // Each view is put on top first: a hidden view loads only when shown (LoadWhenShown).
  const int on_top = tabs->currentIndex();
  for (int i = 0; i < tabs->count(); ++i) {
    tabs->setCurrentIndex(i);
    if (auto waited = wait_for_view(i); !waited) return std::unexpected(waited.error());
  }
  tabs->setCurrentIndex(on_top);
  choose_content(window);

  const QPalette before = QApplication::palette();
  QStringList written;
  const auto shoot = [&]() -> std::expected<void, QString> {
    for (const Theme theme : {Theme::Light, Theme::Dark}) {
      apply_theme(app, theme);
      for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        if (auto waited = wait_for_view(i); !waited) return waited;
        settle();
        const QString file = out.filePath(view_name(*tabs, i) + QLatin1Char('-') + theme_name(theme) +
                                          QStringLiteral(".png"));
        if (!window.grab().save(file, "PNG"))
          return std::unexpected(QStringLiteral("cannot write %1").arg(QDir::toNativeSeparators(file)));
        written.append(file);
      }
    }
    return {};
  };
  const auto shot = shoot();
  app.setPalette(before);
  if (!shot) return std::unexpected(shot.error());
  return written;
}

}  // namespace st::ui
