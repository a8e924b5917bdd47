// Light and dark palettes for the shell, and the `theme` setting that picks one. Qt 6.4 has no
// colour-scheme API, so "follow the system" means the palette the platform gave at start.
#pragma once

#include <QPalette>
#include <QString>

#include <optional>

class QApplication;

namespace st::ui {

enum class Theme { System, Light, Dark };

// "system", "light", "dark" (the settings file's spelling) and back; unknown text: nullopt.
QString theme_name(Theme theme);
std::optional<Theme> theme_from_name(const QString& name);

// Every colour role the views and Fusion draw with, in the active, inactive and disabled
// groups: Mid/Dark/Midlight/Shadow (frames, check boxes), PlaceholderText, Link, ToolTip.
QPalette light_palette();
QPalette dark_palette();

// Sets the application palette (and for Light and Dark the ThemeStyle) at once: open windows
// repaint. The first call remembers the platform's palette and style, which Theme::System restores.
void apply_theme(QApplication& app, Theme theme);

}  // namespace st::ui
