// Where a row came from: a byte range of a stored source file of a run. Every row
// the shell lists can be shown there ("Show in Raw Log", Ctrl+R).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/ids.h"
#include "store/listings.h"

namespace st::ui {

struct RawLocation {
  RunId run;
  std::string file;  // path inside the bundle
  ByteRange range;
};

inline RawLocation raw_location(RunId run, const store::SourceRef& source) {
  return RawLocation{run, source.file, ByteRange{source.offset, source.length}};
}

}  // namespace st::ui
