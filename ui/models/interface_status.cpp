#include "ui/models/interface_status.h"

#include <QPainter>
#include <QPixmap>

#include <array>
#include <cctype>
#include <string>

namespace st::ui {

InterfaceState classify_interface_status(std::string_view status) {
  std::string s;
  for (char c : status)
    if (c != '-' && c != '_' && c != ' ') s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (s == "connected" || s == "up") return InterfaceState::Connected;
  if (s == "notconnect" || s == "notconnected" || s == "notconnec" || s == "down")
    return InterfaceState::NotConnected;
  if (s == "disabled" || s == "admindown") return InterfaceState::Disabled;
  if (s == "errdisabled" || s == "errdisable" || s == "errdis") return InterfaceState::ErrDisabled;
  return InterfaceState::Other;
}

bool is_dark_palette(const QPalette& palette) {
  return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QColor interface_state_color(InterfaceState state, const QPalette& palette) {
  const bool dark = is_dark_palette(palette);
  // Chosen for at least ~4.5:1 contrast on white (light) and on #2b2b2b (dark).
  switch (state) {
    case InterfaceState::Connected: return dark ? QColor(0x6f, 0xd0, 0x8c) : QColor(0x1b, 0x7a, 0x35);
    case InterfaceState::NotConnected: return dark ? QColor(0xa8, 0xa8, 0xa8) : QColor(0x6e, 0x6e, 0x6e);
    case InterfaceState::Disabled: return dark ? QColor(0x8c, 0x8c, 0x8c) : QColor(0x45, 0x45, 0x45);
    case InterfaceState::ErrDisabled: return dark ? QColor(0xff, 0x6e, 0x6e) : QColor(0xc6, 0x28, 0x28);
    case InterfaceState::Other: break;
  }
  return palette.color(QPalette::Text);
}

QIcon interface_state_icon(InterfaceState state, const QPalette& palette) {
  // Few states and two palette kinds: cache the icons.
  static std::array<std::array<QIcon, 5>, 2> cache;
  const bool dark = is_dark_palette(palette);
  QIcon& icon = cache[dark ? 1 : 0][static_cast<std::size_t>(state)];
  if (!icon.isNull()) return icon;

  constexpr int size = 12;
  QPixmap pixmap(size, size);
  pixmap.fill(Qt::transparent);
  QPainter painter(&pixmap);
  painter.setRenderHint(QPainter::Antialiasing);
  const QColor color = interface_state_color(state, palette);
  const QRectF dot(2.0, 2.0, size - 4.0, size - 4.0);
  if (state == InterfaceState::NotConnected || state == InterfaceState::Other) {
    painter.setPen(QPen(color, 1.5));
    painter.setBrush(Qt::NoBrush);
  } else {
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
  }
  painter.drawEllipse(dot);
  painter.end();
  icon = QIcon(pixmap);
  return icon;
}

}  // namespace st::ui
