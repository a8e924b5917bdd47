#include "ui/view_layout.h"

#include <QDataStream>
#include <QIODevice>
#include <QList>
#include <QSplitter>
#include <QTabWidget>

#include "ui/app_settings.h"

namespace st::ui {
namespace {

constexpr quint32 kLayoutMagic = 0x53544c31;  // "STL1": the blob's format

}  // namespace

QString view_name(const QTabWidget& tabs, int index) {
  QString name = tabs.tabText(index).remove(QLatin1Char('&')).trimmed().toLower();
  name.replace(QLatin1Char(' '), QLatin1Char('-'));
  return name.isEmpty() ? QStringLiteral("view-%1").arg(index + 1) : name;
}

QByteArray save_splitters(const QWidget& view) {
  QList<QByteArray> states;
  for (const QSplitter* splitter : view.findChildren<QSplitter*>()) states.append(splitter->saveState());
  QByteArray blob;
  QDataStream out(&blob, QIODevice::WriteOnly);
  out.setVersion(QDataStream::Qt_6_0);
  out << kLayoutMagic << states;
  return blob;
}

bool restore_splitters(QWidget& view, const QByteArray& blob) {
  if (blob.isEmpty()) return false;
  QDataStream in(blob);
  in.setVersion(QDataStream::Qt_6_0);
  quint32 magic = 0;
  QList<QByteArray> states;
  in >> magic >> states;
  const QList<QSplitter*> splitters = view.findChildren<QSplitter*>();
  if (in.status() != QDataStream::Ok || magic != kLayoutMagic || states.size() != splitters.size()) return false;
  bool all = true;
  for (qsizetype i = 0; i < splitters.size(); ++i) {
    const bool restored = splitters[i]->restoreState(states[i]);
    splitters[i]->setProperty(kRestoredSizesProperty, restored);
    all = all && restored;
  }
  return all;
}

void save_view_layouts(const QTabWidget& tabs, AppSettings& settings) {
  for (int i = 0; i < tabs.count(); ++i) settings.setViewLayout(view_name(tabs, i), save_splitters(*tabs.widget(i)));
  settings.setCurrentView(view_name(tabs, tabs.currentIndex()));
}

void restore_view_layouts(QTabWidget& tabs, const AppSettings& settings) {
  const QString current = settings.currentView();
  for (int i = 0; i < tabs.count(); ++i) {
    const QString name = view_name(tabs, i);
    restore_splitters(*tabs.widget(i), settings.viewLayout(name));
    if (name == current) tabs.setCurrentIndex(i);
  }
}

}  // namespace st::ui
