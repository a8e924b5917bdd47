// One object through a device's last N captures: the runs in which it appeared, changed or
// disappeared, with its values then.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/ids.h"
#include "diff/diff_kind.h"
#include "diff/object_change.h"
#include "store/database.h"

namespace st::diff {

struct HistoryEntry {
  RunId run;
  std::optional<std::string> captured_at;
  std::string change;  // "first" (the oldest run shown), "added", "removed", "changed"
  std::vector<FieldChange> fields;  // changed: what differs from the run before
  nlohmann::json values;            // the object's fields in this run; null once removed
  std::optional<store::SourceRef> source;
};

struct HistoryRequest {
  std::string device;  // hostname
  const DiffKind* kind = nullptr;
  std::string key;     // "Gi1/0/5" or the whole object key "interface:Gi1/0/5"
  std::size_t last = 30;
  bool include_volatile = false;
};

// Runs in which nothing happened to the object are left out. A device or object never
// captured is an error naming it.
Result<std::vector<HistoryEntry>> object_history(store::Database& db, const HistoryRequest& request);

}  // namespace st::diff
