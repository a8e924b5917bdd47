// Where the shipped sample bundle (ingested on first start) is found at run time.
#pragma once

#include <QString>

#include <optional>

namespace st::ui {

// In order: $STATETRACE_SAMPLE_BUNDLE, <applicationDirPath>/../share/statetrace/samples/campus-hq
// (installed layout), then the source tree this program was built from. The first
// existing directory wins; nullopt when none exists.
std::optional<QString> find_sample_bundle();

}  // namespace st::ui
