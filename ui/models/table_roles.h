// Item roles the StateTrace table models share.
#pragma once

#include <Qt>

namespace st::ui {

// A value to sort by: a qlonglong for quantities (uptime in minutes), else the text.
inline constexpr int kSortRole = Qt::UserRole + 1;
// The device's hostname on every cell of a device row.
inline constexpr int kHostnameRole = Qt::UserRole + 2;

}  // namespace st::ui

namespace st::ui {

// The text the device filter matches: a site row's name (not its count), a device
// row's displayed text.
inline constexpr int kFilterRole = Qt::UserRole + 3;

}  // namespace st::ui
