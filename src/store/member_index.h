// Which stored run already holds a bundle's members (by sha256), so a bundle that was
// ingested before is reported and skipped instead of stored twice.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "store/database.h"

namespace st::store {

// The latest run before `before` that stores every one of these member hashes, or nullopt
// when any member is new (or the list is empty).
Result<std::optional<RunId>> run_holding_all_members(Database& db, const std::vector<std::string>& sha256s,
                                                     RunId before);

}  // namespace st::store
