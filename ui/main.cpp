// statetrace [--store FILE] [--bundle PATH]: the Qt Widgets shell over statetrace_core.
#include <QApplication>

#include "store/store.h"
#include "ui/app_settings.h"
#include "ui/command_line.h"
#include "ui/main_window.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("statetrace"));
  QApplication::setApplicationDisplayName(QStringLiteral("StateTrace"));
  QApplication::setApplicationVersion(QStringLiteral(STATETRACE_VERSION));
  QApplication::setOrganizationName(QStringLiteral("StateTrace"));

  const st::ui::StartOptions options = st::ui::parse_command_line(QApplication::arguments());
  // --store, else $STATETRACE_STORE, else the store File → Open/New Store chose last, else the default.
  std::optional<std::string> store = options.store;
  const QString remembered = st::ui::AppSettings().storePath();
  if (!store && qEnvironmentVariableIsEmpty("STATETRACE_STORE") && !remembered.isEmpty()) {
    store = remembered.toStdString();
  }
  st::ui::MainWindow window(st::store::resolve_store_path(store));
  window.show();
  window.start(options.bundle);
  return QApplication::exec();
}
