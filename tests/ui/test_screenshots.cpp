// `statetrace --screenshots DIR` in process: a fresh store gets the sample site, every tab of the
// main window is written light and dark, each PNG shows a real view (not one flat colour, not
// another view's picture) and the dark one is darker than the light one.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>

#include <map>

#include "ui/main_window.h"
#include "ui/screenshot_tour.h"
#include "ui/view_layout.h"
#include "ui_test_support.h"

namespace t = st::ui::test;

namespace {

// The share of pixels that differ between two images of the same size (1 when sizes differ).
double differing_share(const QImage& a, const QImage& b) {
  if (a.size() != b.size()) return 1.0;
  const QImage x = a.convertToFormat(QImage::Format_ARGB32);
  const QImage y = b.convertToFormat(QImage::Format_ARGB32);
  qsizetype differ = 0;
  for (int row = 0; row < x.height(); ++row) {
    const auto* p = reinterpret_cast<const QRgb*>(x.constScanLine(row));
    const auto* q = reinterpret_cast<const QRgb*>(y.constScanLine(row));
    for (int col = 0; col < x.width(); ++col) differ += p[col] != q[col];
  }
  return double(differ) / (double(x.width()) * x.height());
}

double mean_lightness(const QImage& image) {
  const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
  double sum = 0;
  for (int row = 0; row < gray.height(); ++row) {
    const uchar* line = gray.constScanLine(row);
    for (int col = 0; col < gray.width(); ++col) sum += line[col];
  }
  return sum / (double(gray.width()) * gray.height() * 255.0);
}

// The tab names of a main window as the tour names its files.
QStringList tab_names() {
  QTemporaryDir dir;
  st::ui::MainWindow window(dir.filePath(QStringLiteral("names.sqlite")).toStdString());
  QStringList names;
  for (int i = 0; i < window.viewTabs()->count(); ++i) names.append(st::ui::view_name(*window.viewTabs(), i));
  return names;
}

}  // namespace

TEST_CASE("the screenshot tour writes every view light and dark, each a distinct real picture", "[ui][screenshots]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const QString out = dir.filePath(QStringLiteral("shots"));
  const QPalette before = QApplication::palette();

  st::ui::ScreenshotOptions options;
  options.dir = out;
  const auto written = st::ui::write_screenshots(*qApp, options);
  INFO((written ? QString() : written.error()).toStdString());
  REQUIRE(written.has_value());
  CHECK(QApplication::palette() == before);  // the tour puts the palette back

  const QStringList names = tab_names();
  REQUIRE(names.size() >= 7);
  CHECK(names.contains(QStringLiteral("raw-log")));
  CHECK(written->size() == 2 * names.size());

  std::map<QString, QImage> shots;
  for (const QString& theme : {QStringLiteral("light"), QStringLiteral("dark")}) {
    for (const QString& name : names) {
      const QString file = QDir(out).filePath(name + QLatin1Char('-') + theme + QStringLiteral(".png"));
      INFO(file.toStdString());
      REQUIRE(QFileInfo::exists(file));
      CHECK(written->contains(file));
      const QImage image(file);
      REQUIRE_FALSE(image.isNull());
      CHECK(image.width() >= 800);
      const auto stats = t::image_stats(image);
      CHECK(stats.distinct_colors > 16);      // text and widgets, not a flat fill
      CHECK(stats.dominant_share < 0.97);
      shots[name + QLatin1Char('-') + theme] = image;
      // A copy for people reviewing the build's look.
      QFile::remove(t::screenshot_dir() + QStringLiteral("/tour-") + QFileInfo(file).fileName());
      QFile::copy(file, t::screenshot_dir() + QStringLiteral("/tour-") + QFileInfo(file).fileName());
    }
  }
  // Each view's picture differs from every other view's (the menus and status bar are shared,
  // so at least a few percent of the pixels) and its dark picture is darker than its light one.
  for (const QString& theme : {QStringLiteral("light"), QStringLiteral("dark")}) {
    for (qsizetype i = 0; i < names.size(); ++i) {
      for (qsizetype j = i + 1; j < names.size(); ++j) {
        INFO(QString(names[i] + QStringLiteral(" vs ") + names[j] + QLatin1Char(' ') + theme).toStdString());
        CHECK(differing_share(shots[names[i] + QLatin1Char('-') + theme], shots[names[j] + QLatin1Char('-') + theme]) >
              0.02);
      }
    }
  }
  for (const QString& name : names) {
    INFO(name.toStdString());
    const QImage& light = shots[name + QStringLiteral("-light")];
    const QImage& dark = shots[name + QStringLiteral("-dark")];
    CHECK(differing_share(light, dark) > 0.5);
    CHECK(mean_lightness(dark) + 0.3 < mean_lightness(light));
  }
}

TEST_CASE("the screenshot tour reports a folder it cannot create", "[ui][screenshots]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const QString blocker = dir.filePath(QStringLiteral("a-file"));
  QFile file(blocker);
  REQUIRE(file.open(QIODevice::WriteOnly));
  file.close();
  st::ui::ScreenshotOptions options;
  options.dir = blocker + QStringLiteral("/shots");
  const auto written = st::ui::write_screenshots(*qApp, options);
  REQUIRE_FALSE(written.has_value());
  CHECK(written.error().contains(QStringLiteral("a-file/shots")));
}
