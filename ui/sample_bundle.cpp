#include "ui/sample_bundle.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace st::ui {

std::optional<QString> find_sample_bundle() {
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
  return std::nullopt;
}

}  // namespace st::ui
