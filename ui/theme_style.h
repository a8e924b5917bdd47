// The style the Light and Dark themes draw with: Fusion, which honours every palette role,
// except that check boxes and radio buttons take their outline from the palette's Dark role.
// Fusion derives that outline from Window, which in a dark palette is nearly the Base colour
// inside the box: an unchecked box would vanish.
#pragma once

#include <QProxyStyle>

namespace st::ui {

class ThemeStyle : public QProxyStyle {
 public:
  ThemeStyle();

  void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                     const QWidget* widget = nullptr) const override;
};

}  // namespace st::ui
