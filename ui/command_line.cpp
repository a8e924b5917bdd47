#include "ui/command_line.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

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
  parser.addOption(store_option);
  parser.addOption(bundle_option);
  parser.process(arguments);

  StartOptions options;
  if (parser.isSet(store_option)) options.store = parser.value(store_option).toStdString();
  if (parser.isSet(bundle_option)) options.bundle = parser.value(bundle_option);
  return options;
}

}  // namespace st::ui
