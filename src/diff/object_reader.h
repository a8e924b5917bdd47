// Reading one kind's objects of one device in one run, and comparing two versions of an object
// field by field: what the on-demand diff and an object's history share.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "diff/diff_kind.h"
#include "diff/object_change.h"
#include "store/database.h"
#include "store/object_listing.h"

namespace st::diff {

struct LoadedObject {
  std::string hash;
  std::vector<store::ObjectValue> values;  // in the kind's field order; generic records: row_json
  std::optional<store::SourceRef> source;
};
using LoadedObjects = std::map<std::string, LoadedObject, std::less<>>;  // by object key

class ObjectReader {
 public:
  explicit ObjectReader(store::Database& db) : db_(db) {}
  // Statements are prepared once per kind and reused.
  Result<LoadedObjects> read(const DiffKind& kind, RunId run, std::int64_t device);

 private:
  store::Database& db_;
  std::map<std::string, std::optional<store::Statement>, std::less<>> statements_;
};

struct Comparison {
  const DiffKind& kind;
  bool include_volatile = false;
  std::optional<double> minutes;  // between the two captures, for rates
};

// The fields that differ, in the kind's order (a generic record's: new keys, then dropped ones).
std::vector<FieldChange> changed_fields(const Comparison& c, const LoadedObject& before, const LoadedObject& after);

// A stored value as the listings' JSON shows it (lists split).
nlohmann::json json_of(const store::ObjectValue& value, char list_separator);
// Every field of an object, by name.
nlohmann::json values_json(const DiffKind& kind, const LoadedObject& object);

}  // namespace st::diff
