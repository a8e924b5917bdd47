// What the shell accepts as a bundle: a folder of captures, a .zip/.tar.gz/.tgz/.tar
// archive or a single .log capture (st::ingest::ingest_bundle reads them all).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace st::ui {

// True for an existing folder or an existing file with a bundle suffix.
bool is_bundle_path(const QString& path);
// The local bundle paths among dropped `urls`, in order; the rest is ignored.
QStringList bundle_paths_from_urls(const QList<QUrl>& urls);
// The name filter of the "Open Bundle Archive or Log" dialog.
QString bundle_file_dialog_filter();

}  // namespace st::ui
