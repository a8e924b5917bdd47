// Item roles the StateTrace table models share.
#pragma once

#include <Qt>

namespace st::ui {

// A value to sort by: a qlonglong for quantities (uptime in minutes), else the text.
inline constexpr int kSortRole = Qt::UserRole + 1;
// The device's hostname on every cell of a device row.
inline constexpr int kHostnameRole = Qt::UserRole + 2;

}  // namespace st::ui
