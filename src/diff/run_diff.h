// The diff engine: what changed for each device between two runs, object by object and field by
// field. Kinds whose digests agree are skipped unread, objects whose content hashes agree are
// skipped uncompared; volatile fields (counters, readings, uptime) are reported only on request,
// and then with their delta and rate.
#pragma once

#include <optional>
#include <set>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "diff/diff_kind.h"
#include "diff/object_change.h"
#include "store/database.h"

namespace st::diff {

struct DiffOptions {
  std::optional<std::set<std::int64_t>> devices;  // device ids; nullopt: every device of either run
  std::vector<const DiffKind*> kinds;             // empty: every kind
  bool include_volatile = false;
  // false: read and compare every object even where digests and hashes agree (tests use it
  // to check that the shortcuts skip nothing).
  bool trust_hashes = true;
};

// On demand, from the two runs' snapshot rows. A device in `from` only is `not_captured`
// (never all of its objects removed); a device in `to` only is one `added` device; a kind
// captured in one run only is one `not_captured` line for that kind.
Result<std::vector<ObjectChange>> diff_runs(store::Database& db, RunId from, RunId to, const DiffOptions& options);

// The order every diff is listed in: site, device, the kinds' order in diff_kinds(), key.
void sort_changes(std::vector<ObjectChange>& changes);

}  // namespace st::diff
