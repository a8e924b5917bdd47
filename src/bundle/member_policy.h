// Which archive entries are captures: one decision shared by the listing (open_bundle) and the
// reading pass (BundleReader), so both see the same members in the same order.
#pragma once

#include <string>
#include <unordered_set>

#include "bundle/archive_stream.h"

namespace st::bundle {

struct EntryDecision {
  enum class Kind { Capture, Skipped, Ignored };  // Ignored: directories, nothing to list
  Kind kind = Kind::Ignored;
  std::string name;     // bundle-relative, normalized
  std::string skipped;  // the Bundle::skipped line: the name, plus the reason for links and the like
  std::string warning;  // a Bundle::warnings line when the name had to be rewritten
};

// `seen` holds the capture names met so far; a second member with the same name is skipped.
EntryDecision decide_entry(const ArchiveEntry& entry, std::unordered_set<std::string>& seen);

}  // namespace st::bundle
