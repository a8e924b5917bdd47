#include "ui/sample_bundle.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <utility>
#include <vector>

namespace st::ui {

QString find_sample_site() {
  QStringList candidates;
  if (const QString from_env = qEnvironmentVariable("STATETRACE_SAMPLE_BUNDLE"); !from_env.isEmpty())
    candidates << from_env;
  candidates << QCoreApplication::applicationDirPath() +
                    QStringLiteral("/../share/statetrace/samples/campus-hq");
  candidates << QStringLiteral(STATETRACE_SOURCE_SAMPLE_BUNDLE);

  for (const QString& candidate : candidates) {
    const QFileInfo info(candidate);
    if (info.isDir()) return QDir::cleanPath(info.absoluteFilePath());
  }
  return {};
}

QStringList sample_runs(const QString& site) {
  if (site.isEmpty()) return {};
  const QDir dir(site);
  std::vector<std::pair<int, QString>> runs;
  for (const QString& name : dir.entryList({QStringLiteral("run-*")}, QDir::Dirs | QDir::NoDotAndDotDot)) {
    bool ok = false;
    const int n = name.mid(4).toInt(&ok);
    if (ok && n > 0) runs.emplace_back(n, QDir::cleanPath(dir.absoluteFilePath(name)));
  }
  if (runs.empty()) return {QDir::cleanPath(dir.absolutePath())};
  std::sort(runs.begin(), runs.end());
  QStringList bundles;
  for (auto& run : runs) bundles << std::move(run.second);
  return bundles;
}

QStringList find_sample_bundles() { return sample_runs(find_sample_site()); }

}  // namespace st::ui
