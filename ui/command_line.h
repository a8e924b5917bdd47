// `statetrace [--store FILE] [--bundle PATH] [--screenshots DIR]`: what the shell was asked to do at start.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <string>

namespace st::ui {

struct StartOptions {
  std::optional<std::string> store;   // --store, resolved later by st::store::resolve_store_path
  std::optional<QString> bundle;      // --bundle: ingest this bundle once the store is open
  std::optional<QString> screenshots;  // --screenshots: write every view's PNGs there and exit
};

// Parses the arguments (argv[0] included). --help and --version print and exit
// through QCommandLineParser, as every Qt program does.
StartOptions parse_command_line(const QStringList& arguments);

// True when argv asks for --screenshots: main() checks this before QApplication exists, to
// pick the offscreen platform when none is set (the shots need no display).
bool wants_screenshots(int argc, const char* const* argv);

}  // namespace st::ui
