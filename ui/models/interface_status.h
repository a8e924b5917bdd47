// How an interface's `status` column is shown: a state class, a colour that stays
// readable on light and dark palettes, and a small status dot.
#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>

#include <string_view>

namespace st::ui {

enum class InterfaceState { Connected, NotConnected, Disabled, ErrDisabled, Other };

// "connected" -> Connected, "notconnect" -> NotConnected, "disabled" -> Disabled,
// "err-disabled" -> ErrDisabled; anything else (monitoring, sfpAbsent, ...) -> Other.
InterfaceState classify_interface_status(std::string_view status);

// True when the palette's base (table background) is dark.
bool is_dark_palette(const QPalette& palette);

// The text colour for a state; Other uses the palette's text colour.
QColor interface_state_color(InterfaceState state, const QPalette& palette);

// A filled (or, for NotConnected, hollow) dot in the state's colour.
QIcon interface_state_icon(InterfaceState state, const QPalette& palette);

}  // namespace st::ui
