// Where the shipped sample site (ingested on first start) is found at run time.
#pragma once

#include <QString>
#include <QStringList>

namespace st::ui {

// The sample site's folder. In order: $STATETRACE_SAMPLE_BUNDLE,
// <applicationDirPath>/../share/statetrace/samples/campus-hq (installed layout), then the
// source tree this program was built from. The first existing directory wins; empty when none.
QString find_sample_site();

// The bundles to ingest for `site`, in capture order: its `run-N` subfolders sorted by N
// (run-1, run-2, ..., run-10), or `site` itself when it has none (a plain bundle folder).
QStringList sample_runs(const QString& site);

// sample_runs(find_sample_site()), or empty when there is no sample.
QStringList find_sample_bundles();

}  // namespace st::ui
