// Item roles the StateTrace table models share.
#pragma once

#include <Qt>

namespace st::ui {

// A value to sort by: a qlonglong for quantities (uptime in minutes), else the text.
inline constexpr int kSortRole = Qt::UserRole + 1;
// The device's hostname on every cell of a device row.
inline constexpr int kHostnameRole = Qt::UserRole + 2;
// On column 0: the whole row's displayed text, cells joined by kRowTextSeparator. The text
// filter matches it in one go instead of asking every cell (and formatting it) per keystroke.
inline constexpr int kRowTextRole = Qt::UserRole + 4;
inline constexpr char16_t kRowTextSeparator = u'\x1f';

}  // namespace st::ui

namespace st::ui {

// The text the device filter matches: a site row's name (not its count), a device
// row's displayed text.
inline constexpr int kFilterRole = Qt::UserRole + 3;

}  // namespace st::ui
