// The UI tests' own main(): an offscreen QApplication, test-mode standard paths,
// QSettings in a scratch folder (emptied before each test case) and a throwaway
// STATETRACE_STORE, so no test touches the user's settings or store.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {

// Windows save their geometry and splitter sizes: start every test case from defaults.
struct DefaultSettingsReset : Catch::TestEventListenerBase {
  using TestEventListenerBase::TestEventListenerBase;
  void testCaseStarting(Catch::TestCaseInfo const&) override { QSettings().clear(); }
};

}  // namespace

CATCH_REGISTER_LISTENER(DefaultSettingsReset)

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
  const QString settings_dir = scratch.filePath(QStringLiteral("settings"));
  QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings_dir);
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings_dir);
  qputenv("STATETRACE_UI_TEST_SETTINGS", settings_dir.toUtf8());

  return Catch::Session().run(argc, argv);
}
