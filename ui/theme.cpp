#include "ui/theme.h"

#include <QApplication>
#include <QColor>
#include <QStyle>

#include "ui/theme_style.h"

namespace st::ui {
namespace {

struct Roles {
  QColor window, window_text, base, alternate_base, text, button, button_text, bright_text;
  QColor light, midlight, mid, dark, shadow;
  QColor highlight, highlighted_text, link, link_visited, placeholder, tooltip_base, tooltip_text;
  // The disabled group: greyed text that still reads on the window and base colours.
  QColor disabled_text, disabled_button, disabled_highlight;
};

QPalette build(const Roles& r) {
  QPalette p;
  for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
    p.setColor(group, QPalette::Window, r.window);
    p.setColor(group, QPalette::WindowText, r.window_text);
    p.setColor(group, QPalette::Base, r.base);
    p.setColor(group, QPalette::AlternateBase, r.alternate_base);
    p.setColor(group, QPalette::Text, r.text);
    p.setColor(group, QPalette::Button, r.button);
    p.setColor(group, QPalette::ButtonText, r.button_text);
    p.setColor(group, QPalette::BrightText, r.bright_text);
    p.setColor(group, QPalette::Light, r.light);
    p.setColor(group, QPalette::Midlight, r.midlight);
    p.setColor(group, QPalette::Mid, r.mid);
    p.setColor(group, QPalette::Dark, r.dark);
    p.setColor(group, QPalette::Shadow, r.shadow);
    p.setColor(group, QPalette::Highlight, r.highlight);
    p.setColor(group, QPalette::HighlightedText, r.highlighted_text);
    p.setColor(group, QPalette::Link, r.link);
    p.setColor(group, QPalette::LinkVisited, r.link_visited);
    p.setColor(group, QPalette::PlaceholderText, r.placeholder);
    p.setColor(group, QPalette::ToolTipBase, r.tooltip_base);
    p.setColor(group, QPalette::ToolTipText, r.tooltip_text);
  }
  for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
    p.setColor(QPalette::Disabled, role, r.disabled_text);
  p.setColor(QPalette::Disabled, QPalette::Button, r.disabled_button);
  p.setColor(QPalette::Disabled, QPalette::Highlight, r.disabled_highlight);
  p.setColor(QPalette::Disabled, QPalette::HighlightedText, r.disabled_text);
  // Inactive keeps the active selection colours: an unfocused window's marked bytes (raw log)
  // and selected rows must stay as easy to see.
  return p;
}

// What the platform gave at start, which Theme::System puts back.
struct PlatformLook {
  QPalette palette;
  QString style;  // QStyle::name()
};

std::optional<PlatformLook>& platform_look() {
  static std::optional<PlatformLook> look;
  return look;
}

void use_style(QApplication& app, bool themed) {
  const bool is_themed = dynamic_cast<const ThemeStyle*>(QApplication::style()) != nullptr;
  if (themed && !is_themed) app.setStyle(new ThemeStyle);  // the application owns it
  if (!themed && is_themed) app.setStyle(platform_look()->style);
}

}  // namespace

QString theme_name(Theme theme) {
  switch (theme) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
  }
  return QStringLiteral("system");
}

std::optional<Theme> theme_from_name(const QString& name) {
  for (const Theme theme : {Theme::System, Theme::Light, Theme::Dark})
    if (name.compare(theme_name(theme), Qt::CaseInsensitive) == 0) return theme;
  return std::nullopt;
}

QPalette light_palette() {
  Roles r;
  r.window = QColor(0xef, 0xef, 0xef);
  r.window_text = QColor(0x1e, 0x1e, 0x1e);
  r.base = QColor(0xff, 0xff, 0xff);
  r.alternate_base = QColor(0xf5, 0xf5, 0xf5);
  r.text = QColor(0x1e, 0x1e, 0x1e);
  r.button = QColor(0xef, 0xef, 0xef);
  r.button_text = QColor(0x1e, 0x1e, 0x1e);
  r.bright_text = QColor(0xff, 0xff, 0xff);
  r.light = QColor(0xff, 0xff, 0xff);
  r.midlight = QColor(0xe3, 0xe3, 0xe3);
  r.mid = QColor(0xa0, 0xa0, 0xa0);
  r.dark = QColor(0x7a, 0x7a, 0x7a);
  r.shadow = QColor(0x47, 0x47, 0x47);
  r.highlight = QColor(0x30, 0x8c, 0xc6);
  r.highlighted_text = QColor(0xff, 0xff, 0xff);
  r.link = QColor(0x1a, 0x5f, 0xb4);
  r.link_visited = QColor(0x6a, 0x3d, 0x9a);
  r.placeholder = QColor(0x6e, 0x6e, 0x6e);
  r.tooltip_base = QColor(0xff, 0xff, 0xdc);
  r.tooltip_text = QColor(0x1e, 0x1e, 0x1e);
  r.disabled_text = QColor(0x8c, 0x8c, 0x8c);
  r.disabled_button = QColor(0xe6, 0xe6, 0xe6);
  r.disabled_highlight = QColor(0xc8, 0xdc, 0xeb);
  return build(r);
}

QPalette dark_palette() {
  Roles r;
  r.window = QColor(0x35, 0x35, 0x35);
  r.window_text = QColor(0xe8, 0xe8, 0xe8);
  r.base = QColor(0x2b, 0x2b, 0x2b);
  r.alternate_base = QColor(0x33, 0x33, 0x33);
  r.text = QColor(0xe8, 0xe8, 0xe8);
  r.button = QColor(0x40, 0x40, 0x40);
  r.button_text = QColor(0xe8, 0xe8, 0xe8);
  r.bright_text = QColor(0xff, 0xff, 0xff);
  // Fusion draws check boxes, frames and splitter handles from these: the outline of an
  // unchecked box (Mid/Dark against Base) must stand out from the dark base.
  r.light = QColor(0x5a, 0x5a, 0x5a);
  r.midlight = QColor(0x4a, 0x4a, 0x4a);
  r.mid = QColor(0x80, 0x80, 0x80);
  r.dark = QColor(0x8c, 0x8c, 0x8c);
  r.shadow = QColor(0x14, 0x14, 0x14);
  r.highlight = QColor(0x2f, 0x6f, 0xb3);
  r.highlighted_text = QColor(0xff, 0xff, 0xff);
  r.link = QColor(0x6f, 0xb3, 0xf0);
  r.link_visited = QColor(0xb3, 0x9d, 0xdb);
  r.placeholder = QColor(0x9a, 0x9a, 0x9a);
  r.tooltip_base = QColor(0x45, 0x45, 0x45);
  r.tooltip_text = QColor(0xe8, 0xe8, 0xe8);
  r.disabled_text = QColor(0x8a, 0x8a, 0x8a);
  r.disabled_button = QColor(0x3a, 0x3a, 0x3a);
  r.disabled_highlight = QColor(0x3e, 0x50, 0x64);
  return build(r);
}

void apply_theme(QApplication& app, Theme theme) {
  if (!platform_look()) platform_look() = PlatformLook{QApplication::palette(), QApplication::style()->name()};
  // Style first: setting a style resets the palette.
  use_style(app, theme != Theme::System);
  switch (theme) {
    case Theme::Light: app.setPalette(light_palette()); break;
    case Theme::Dark: app.setPalette(dark_palette()); break;
    case Theme::System: app.setPalette(platform_look()->palette); break;
  }
}

}  // namespace st::ui
