#include "ui/bundle_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace st::ui {
namespace {
// Lower-case; ".tar.gz" before ".tar" does not matter since both are accepted.
constexpr const char16_t* kSuffixes[] = {u".zip", u".tar.gz", u".tgz", u".tar", u".log"};
}  // namespace

bool is_bundle_path(const QString& path) {
  const QFileInfo info(path);
  if (info.isDir()) return true;
  if (!info.isFile()) return false;
  const QString name = info.fileName().toLower();
  for (const char16_t* suffix : kSuffixes)
    if (name.endsWith(QString::fromUtf16(suffix))) return true;
  return false;
}

QStringList bundle_paths_from_urls(const QList<QUrl>& urls) {
  QStringList paths;
  for (const QUrl& url : urls) {
    if (!url.isLocalFile()) continue;
    const QString path = QDir::cleanPath(url.toLocalFile());
    if (is_bundle_path(path) && !paths.contains(path)) paths << path;
  }
  return paths;
}

QString bundle_file_dialog_filter() {
  return QCoreApplication::translate("st::ui::MainWindow",
                                     "Capture bundles (*.zip *.tar.gz *.tgz *.tar *.log);;"
                                     "Archives (*.zip *.tar.gz *.tgz *.tar);;"
                                     "Capture logs (*.log);;All files (*)");
}

}  // namespace st::ui
