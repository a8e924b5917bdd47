#include "ui/command_line.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <string_view>

namespace st::ui {

StartOptions parse_command_line(const QStringList& arguments) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QCoreApplication::translate("main", "Browse network-device CLI captures stored by StateTrace."));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption store_option(
      QStringList{QStringLiteral("store")},
      QCoreApplication::translate("main",
                                  "Store file (default: $STATETRACE_STORE, else the XDG data dir)."),
      QStringLiteral("FILE"));
  const QCommandLineOption bundle_option(
      QStringList{QStringLiteral("bundle")},
      QCoreApplication::translate("main", "Ingest the bundle at PATH when the window opens."),
      QStringLiteral("PATH"));
  const QCommandLineOption screenshots_option(
      QStringList{QStringLiteral("screenshots")},
      QCoreApplication::translate("main",
                                  "Write a PNG of every view, light and dark, into DIR and exit "
                                  "(a fresh store with the sample site unless --store is given)."),
      QStringLiteral("DIR"));
  parser.addOption(store_option);
  parser.addOption(bundle_option);
  parser.addOption(screenshots_option);
  parser.process(arguments);

  StartOptions options;
  if (parser.isSet(store_option)) options.store = parser.value(store_option).toStdString();
  if (parser.isSet(bundle_option)) options.bundle = parser.value(bundle_option);
  if (parser.isSet(screenshots_option)) options.screenshots = parser.value(screenshots_option);
  return options;
}

bool wants_screenshots(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg(argv[i]);
    if (arg == "--screenshots" || arg.starts_with("--screenshots=")) return true;
  }
  return false;
}

}  // namespace st::ui
