// Listing of one object kind's table (VLANs, MAC entries, STP ports, ...): the rows of each
// device's latest snapshot, or of one run, in capture order, with their source.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/error.h"
#include "model/object_kind.h"
#include "store/database.h"
#include "store/listings.h"

namespace st::store {

// NULL, an INTEGER column's number, or text.
using ObjectValue = std::variant<std::monostate, std::int64_t, std::string>;

struct ObjectRow {
  RunId run;
  std::string device;
  std::string site;
  const model::ObjectKind* kind = nullptr;
  std::vector<ObjectValue> values;  // in kind->columns order
  SourceRef source;
};

Result<std::vector<ObjectRow>> list_objects(Database& db, const model::ObjectKind& kind, const ListingFilter& filter);

}  // namespace st::store
