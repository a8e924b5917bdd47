// `statetrace --screenshots DIR`: opens a store with the sample site in it, shows something in
// every view (a device, two runs' diff, a card and its runbook, a raw log, a rule) and writes a
// PNG of every tab of the main window in the light and the dark theme, so a person can review
// the look without a display (QT_QPA_PLATFORM=offscreen).
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

#include <expected>
#include <filesystem>
#include <optional>

class QApplication;

namespace st::ui {

struct ScreenshotOptions {
  QString dir;                                // created when missing
  std::optional<std::filesystem::path> store;  // nullopt: a fresh store in a scratch folder
  int load_timeout_ms = 180000;               // opening the store and ingesting the sample
  int view_timeout_ms = 30000;                // each view's async load
  QSize window_size{1280, 800};
};

// The PNGs written ("<dir>/devices-light.png", "<dir>/raw-log-dark.png", ...: one per tab, named
// by view_name()) or what went wrong, naming the view that did not finish loading. An empty
// store is given the sample site first. The application palette is put back afterwards.
std::expected<QStringList, QString> write_screenshots(QApplication& app, const ScreenshotOptions& options);

}  // namespace st::ui
