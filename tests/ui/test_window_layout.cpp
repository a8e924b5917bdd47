// Settings that shape the window: every view's splitter sizes and the tab on top come back in
// a new window; Preferences sets the theme (applied at once, no restart) and how many runs each
// device keeps, which the window's ingests then prune to.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTemporaryDir>

#include <map>

#include "ui/app_settings.h"
#include "ui/ingest_controller.h"
#include "ui/main_window.h"
#include "ui/models/device_table_model.h"
#include "ui/models/interface_status.h"
#include "ui/store_session.h"
#include "ui/theme.h"
#include "ui/view_layout.h"
#include "ui/views/devices_view.h"
#include "ui/views/rule_editor_view.h"
#include "ui/views/settings_dialog.h"
#include "ui_test_support.h"

using st::ui::AppSettings;
using st::ui::MainWindow;
using st::ui::SettingsDialog;
using st::ui::Theme;
namespace t = st::ui::test;

namespace {

void open_and_wait(MainWindow& window) {
  window.show();
  window.start(std::nullopt, false);
  REQUIRE(t::wait_until([&] { return window.runCount() > 0 && window.devicesView()->deviceModel()->rowCount() > 0; }));
}

SettingsDialog* open_preferences(MainWindow& window) {
  window.preferencesAction()->trigger();
  const auto dialogs = window.findChildren<SettingsDialog*>();
  return dialogs.isEmpty() ? nullptr : dialogs.last();
}

std::optional<st::ingest::IngestSummary> ingest(MainWindow& window, const std::filesystem::path& bundle) {
  QSignalSpy finished(window.ingestController(), &st::ui::IngestController::finished);
  window.ingestBundle(QString::fromStdString(bundle.string()));
  if (!t::wait_until([&] { return finished.count() == 1; }, 60000)) return std::nullopt;
  return finished.at(0).at(0).value<st::ui::IngestOutcome>().summary;
}

}  // namespace

TEST_CASE("every view's splitter sizes and the current tab come back in a new window", "[ui][settings]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::filesystem::path store = dir.filePath(QStringLiteral("store.sqlite")).toStdString();
  t::ingest_or_fail(store, t::fixture_bundle());
  const AppSettings settings = AppSettings::atPath(dir.filePath(QStringLiteral("settings.ini")));

  std::map<QString, QList<QList<int>>> sizes;  // view name -> each splitter's sizes
  QString current;
  int splitters = 0;
  {
    MainWindow window(store, settings);
    window.resize(1100, 700);
    open_and_wait(window);
    QTabWidget* tabs = window.viewTabs();
    for (int i = 0; i < tabs->count(); ++i) {
      tabs->setCurrentIndex(i);
      QCoreApplication::processEvents();
      for (QSplitter* splitter : tabs->widget(i)->findChildren<QSplitter*>()) {
        QList<int> now = splitter->sizes();
        int total = 0;
        for (int size : now) total += size;
        if (now.size() < 2 || total < 40) continue;
        // Move the first handle by a fifth of the room, as a user would.
        now[0] = total / 5;
        now[1] = total - now[0];
        for (qsizetype k = 2; k < now.size(); ++k) now[1] -= now[k];
        splitter->setSizes(now);
        ++splitters;
      }
    }
    // The sizes as they are when the window closes (DevicesView rebalances a programmatic
    // setSizes once its interfaces arrive; only a user's drag or a restored layout stops that).
    QCoreApplication::processEvents();
    for (int i = 0; i < tabs->count(); ++i)
      for (QSplitter* splitter : tabs->widget(i)->findChildren<QSplitter*>())
        sizes[st::ui::view_name(*tabs, i)].append(splitter->sizes());
    tabs->setCurrentIndex(4);
    current = st::ui::view_name(*tabs, 4);
    window.close();
  }
  CHECK(splitters >= 6);  // devices, health, diff, insights, checklist and the rule editor's
  CHECK(settings.currentView() == current);

  MainWindow again(store, settings);
  open_and_wait(again);
  QTabWidget* tabs = again.viewTabs();
  CHECK(st::ui::view_name(*tabs, tabs->currentIndex()) == current);
  for (int i = 0; i < tabs->count(); ++i) {
    tabs->setCurrentIndex(i);
    QCoreApplication::processEvents();
    QList<QList<int>> now;
    for (QSplitter* splitter : tabs->widget(i)->findChildren<QSplitter*>()) now.append(splitter->sizes());
    INFO(st::ui::view_name(*tabs, i).toStdString());
    CHECK(now == sizes[st::ui::view_name(*tabs, i)]);
  }
}

TEST_CASE("a saved layout that no longer fits the view is ignored", "[ui][settings]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  MainWindow window(dir.filePath(QStringLiteral("empty.sqlite")).toStdString());
  QWidget* devices = window.devicesView();
  const QByteArray saved = st::ui::save_splitters(*devices);
  CHECK(st::ui::restore_splitters(*devices, saved));
  CHECK_FALSE(st::ui::restore_splitters(*devices, QByteArray("not a layout")));
  // The rule editor has more splitters than the devices view: the blob does not fit it.
  CHECK_FALSE(st::ui::restore_splitters(*window.ruleEditorView(), saved));
}

TEST_CASE("themes: names, palettes that read, and Preferences applies one at once", "[ui][settings][theme]") {
  CHECK(st::ui::theme_from_name(QStringLiteral("dark")) == Theme::Dark);
  CHECK(st::ui::theme_from_name(QStringLiteral("Light")) == Theme::Light);
  CHECK(st::ui::theme_from_name(QStringLiteral("system")) == Theme::System);
  CHECK_FALSE(st::ui::theme_from_name(QStringLiteral("solarized")).has_value());
  for (const Theme theme : {Theme::System, Theme::Light, Theme::Dark})
    CHECK(st::ui::theme_from_name(st::ui::theme_name(theme)) == theme);

  // Text, disabled text, placeholders and check-box outlines stand out from their background.
  const auto contrast = [](const QColor& a, const QColor& b) { return std::abs(a.lightnessF() - b.lightnessF()); };
  for (const QPalette& palette : {st::ui::light_palette(), st::ui::dark_palette()}) {
    CHECK(contrast(palette.color(QPalette::Text), palette.color(QPalette::Base)) > 0.6);
    CHECK(contrast(palette.color(QPalette::WindowText), palette.color(QPalette::Window)) > 0.6);
    CHECK(contrast(palette.color(QPalette::Disabled, QPalette::Text), palette.color(QPalette::Base)) > 0.2);
    CHECK(contrast(palette.color(QPalette::Disabled, QPalette::WindowText), palette.color(QPalette::Window)) > 0.2);
    CHECK(contrast(palette.color(QPalette::PlaceholderText), palette.color(QPalette::Base)) > 0.3);
    CHECK(contrast(palette.color(QPalette::Dark), palette.color(QPalette::Base)) > 0.2);
    CHECK(contrast(palette.color(QPalette::Link), palette.color(QPalette::Base)) > 0.3);
  }
  CHECK_FALSE(st::ui::is_dark_palette(st::ui::light_palette()));
  CHECK(st::ui::is_dark_palette(st::ui::dark_palette()));

  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const QPalette before = QApplication::palette();
  auto settings = AppSettings::atPath(dir.filePath(QStringLiteral("settings.ini")));
  CHECK(settings.theme() == Theme::System);
  {
    MainWindow window(dir.filePath(QStringLiteral("store.sqlite")).toStdString(), settings);
    window.show();
    SettingsDialog* dialog = open_preferences(window);
    REQUIRE(dialog != nullptr);
    auto* box = dialog->findChild<QComboBox*>(QStringLiteral("themeBox"));
    REQUIRE(box != nullptr);
    CHECK(dialog->theme() == Theme::System);
    box->setCurrentIndex(box->findText(QStringLiteral("Dark")));
    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    // At once, in the open window: the application palette and the window's own are dark.
    CHECK(st::ui::is_dark_palette(QApplication::palette()));
    CHECK(t::wait_until([&] { return st::ui::is_dark_palette(window.devicesView()->palette()); }, 2000));
    CHECK(settings.theme() == Theme::Dark);

    SettingsDialog* again = open_preferences(window);
    REQUIRE(again != nullptr);
    CHECK(again->theme() == Theme::Dark);
    again->setTheme(Theme::Light);
    again->accept();
    CHECK_FALSE(st::ui::is_dark_palette(QApplication::palette()));
    CHECK(QApplication::palette().color(QPalette::Base) == st::ui::light_palette().color(QPalette::Base));
  }
  st::ui::apply_theme(*qApp, Theme::System);
  CHECK(QApplication::palette() == before);
}

TEST_CASE("the keep-runs preference prunes older snapshots in the window's ingests", "[ui][settings]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  auto settings = AppSettings::atPath(dir.filePath(QStringLiteral("settings.ini")));
  CHECK(settings.keepRuns() == st::store::kDefaultKeepRuns);

  // Default: two runs of the sample site keep both snapshots of every device.
  {
    MainWindow window(dir.filePath(QStringLiteral("default.sqlite")).toStdString(), settings);
    window.show();
    window.start(std::nullopt, false);
    CHECK(window.session().ingestSetup().keep_runs == st::store::kDefaultKeepRuns);
    const auto first = ingest(window, t::sample_run(1));
    REQUIRE(first);
    const auto second = ingest(window, t::sample_run(2));
    REQUIRE(second);
    CHECK(second->pruned_snapshots == 0);
  }

  // Keep 1 per device, set in Preferences: the second run prunes each device's first snapshot.
  MainWindow window(dir.filePath(QStringLiteral("keep-one.sqlite")).toStdString(), settings);
  window.show();
  window.start(std::nullopt, false);
  SettingsDialog* dialog = open_preferences(window);
  REQUIRE(dialog != nullptr);
  auto* spin = dialog->findChild<QSpinBox*>(QStringLiteral("keepRunsSpin"));
  REQUIRE(spin != nullptr);
  CHECK(spin->value() == st::store::kDefaultKeepRuns);
  spin->setValue(1);
  dialog->accept();
  CHECK(settings.keepRuns() == 1);
  CHECK(window.session().ingestSetup().keep_runs == 1);
  const auto first = ingest(window, t::sample_run(1));
  REQUIRE(first);
  const auto second = ingest(window, t::sample_run(2));
  REQUIRE(second);
  CHECK(second->pruned_snapshots > 0);
  CHECK(second->pruned_snapshots <= first->devices);
}
