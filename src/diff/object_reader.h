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

// An object's key, content hash and source, without its values: what the diff reads first.
struct IndexedObject {
  std::string key;
  std::string hash;
  std::int64_t file_id = 0;  // 0: no source (ObjectReader::source_of gives the SourceRef)
  std::uint64_t offset = 0, length = 0;
};

class ObjectReader {
 public:
  explicit ObjectReader(store::Database& db) : db_(db) {}
  // Statements are prepared once per kind and reused.
  Result<LoadedObjects> read(const DiffKind& kind, RunId run, std::int64_t device);
  // Keys and hashes only, in key order.
  Result<std::vector<IndexedObject>> read_index(const DiffKind& kind, RunId run, std::int64_t device);
  // Where an indexed object came from; the file's path is read once per file.
  Result<std::optional<store::SourceRef>> source_of(const IndexedObject& object);
  // One object's values (and source) by key.
  Result<LoadedObject> read_one(const DiffKind& kind, RunId run, std::int64_t device, std::string_view key);

 private:
  Result<store::Statement*> statement(std::map<std::string, std::optional<store::Statement>, std::less<>>& cache,
                                      const DiffKind& kind, std::string_view what, std::string_view where);
  Result<std::optional<store::SourceRef>> source_of(const store::Statement& stmt, int file_column);
  Result<const std::string*> file_path(std::int64_t file);
  void read_values(const DiffKind& kind, const store::Statement& stmt, int first, LoadedObject& into) const;

  store::Database& db_;
  std::map<std::string, std::optional<store::Statement>, std::less<>> full_, index_, one_;
  std::map<std::int64_t, std::string> file_paths_;
  std::optional<store::Statement> file_path_;
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
