// statetrace [--store FILE] [--bundle PATH] [--screenshots DIR]: the Qt Widgets shell over statetrace_core.
#include <QApplication>

#include <cstdio>

#include "store/store.h"
#include "ui/app_settings.h"
#include "ui/command_line.h"
#include "ui/main_window.h"
#include "ui/screenshot_tour.h"
#include "ui/theme.h"

int main(int argc, char** argv) {
  // Screenshots need no display: offscreen unless the caller chose a platform.
  if (st::ui::wants_screenshots(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("statetrace"));
  QApplication::setApplicationDisplayName(QStringLiteral("StateTrace"));
  QApplication::setApplicationVersion(QStringLiteral(STATETRACE_VERSION));
  QApplication::setOrganizationName(QStringLiteral("StateTrace"));

  const st::ui::StartOptions options = st::ui::parse_command_line(QApplication::arguments());
  if (options.screenshots) {
    st::ui::ScreenshotOptions shots;
    shots.dir = *options.screenshots;
    shots.store = options.store;
    const auto written = st::ui::write_screenshots(app, shots);
    if (!written) {
      std::fprintf(stderr, "statetrace: screenshots failed: %s\n", qUtf8Printable(written.error()));
      return 1;
    }
    for (const QString& file : *written) std::printf("%s\n", qUtf8Printable(file));
    return 0;
  }

  const st::ui::AppSettings settings;
  st::ui::apply_theme(app, settings.theme());
  // --store, else $STATETRACE_STORE, else the store File → Open/New Store chose last, else the default.
  std::optional<std::string> store = options.store;
  const QString remembered = settings.storePath();
  if (!store && qEnvironmentVariableIsEmpty("STATETRACE_STORE") && !remembered.isEmpty()) {
    store = remembered.toStdString();
  }
  st::ui::MainWindow window(st::store::resolve_store_path(store));
  window.show();
  window.start(options.bundle);
  return QApplication::exec();
}
