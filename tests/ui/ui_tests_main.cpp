// The UI tests' own main(): an offscreen QApplication, test-mode standard paths and a
// throwaway STATETRACE_STORE, so no test touches the user's settings or store.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QStandardPaths>
#include <QTemporaryDir>

int main(int argc, char** argv) {
  // Before QApplication exists: catch_discover_tests runs this binary at build time
  // on machines without a display.
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QStandardPaths::setTestModeEnabled(true);

  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("statetrace-ui-tests"));
  QApplication::setOrganizationName(QStringLiteral("StateTrace"));

  QTemporaryDir scratch;
  if (!scratch.isValid()) return 2;
  qputenv("STATETRACE_STORE", scratch.filePath(QStringLiteral("default-store.sqlite")).toUtf8());

  return Catch::Session().run(argc, argv);
}
