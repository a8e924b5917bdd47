// statetrace [--store FILE] [--bundle PATH]: the Qt Widgets shell over statetrace_core.
#include <QApplication>

#include "store/store.h"
#include "ui/command_line.h"
#include "ui/main_window.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("statetrace"));
  QApplication::setApplicationDisplayName(QStringLiteral("StateTrace"));
  QApplication::setApplicationVersion(QStringLiteral(STATETRACE_VERSION));
  QApplication::setOrganizationName(QStringLiteral("StateTrace"));

  const st::ui::StartOptions options = st::ui::parse_command_line(QApplication::arguments());
  st::ui::MainWindow window(st::store::resolve_store_path(options.store));
  window.show();
  window.start(options.bundle);
  return QApplication::exec();
}
