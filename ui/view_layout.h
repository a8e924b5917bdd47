// The window layout that survives a restart: each view's splitter sizes and the tab on top.
// Views are found through the main window's QTabWidget and their splitters by type, so a
// view added later (or a splitter added to a view) is saved without more code.
#pragma once

#include <QByteArray>
#include <QString>

class QTabWidget;
class QWidget;

namespace st::ui {

class AppSettings;

// Set on a splitter whose sizes were restored, so a view that sizes its splitter itself
// (DevicesView balances it to its columns) leaves the user's sizes alone.
inline constexpr const char* kRestoredSizesProperty = "stRestoredSizes";

// The tab's name for settings keys and screenshot files: its text in lower case, mnemonic
// '&' dropped, spaces as dashes ("Raw Log" -> "raw-log").
QString view_name(const QTabWidget& tabs, int index);

// Every QSplitter inside `view`, in creation order, as one blob; restoring needs the same
// number of splitters (a changed view starts from its defaults).
QByteArray save_splitters(const QWidget& view);
bool restore_splitters(QWidget& view, const QByteArray& blob);

// Each tab's splitters and the current tab, to and from `settings`.
void save_view_layouts(const QTabWidget& tabs, AppSettings& settings);
void restore_view_layouts(QTabWidget& tabs, const AppSettings& settings);

}  // namespace st::ui
