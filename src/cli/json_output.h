// The CLI's JSON contract: every listing prints one array of objects, absent values are
// null, and every row that comes from raw bytes has a `source` {file, offset, length}.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "core/error.h"
#include "ingest/ingest_pipeline.h"
#include "rules/command_coverage.h"
#include "store/listings.h"
#include "store/object_listing.h"
#include "store/record_listing.h"

namespace st::cli {

using Json = nlohmann::ordered_json;

Json to_json(const store::RunRow& row);
Json to_json(const store::DeviceRow& row);
Json to_json(const store::InterfaceRow& row);
Json to_json(const store::EventRow& row);
Json to_json(const store::SectionRow& row);
Json to_json(const rules::DeviceCoverage& row);
Json to_json(const store::RecordRow& row);
// Columns by name; list columns (ports, capabilities) as JSON arrays.
Json to_json(const store::ObjectRow& row);
Json to_json(const ingest::IngestSummary& summary);
Json to_json(const Error& error);  // {"error": {...}}

// Pretty-printed; bytes that are not UTF-8 (raw device output can hold any) become U+FFFD.
std::string dump(const Json& json, int indent = 2);

// Prints a JSON array one element at a time, byte for byte what dump() prints for the whole
// array, so a listing of millions of rows never holds them all (or their JSON) in memory.
class JsonArrayStream {
 public:
  explicit JsonArrayStream(std::ostream& out) : out_(out) {}
  void add(const Json& element);
  void finish();  // "]" and a newline ("[]" when empty)

 private:
  std::ostream& out_;
  bool empty_ = true;
};

template <class Row>
Json to_json_array(const std::vector<Row>& rows) {
  Json out = Json::array();
  for (const auto& row : rows) out.push_back(to_json(row));
  return out;
}

}  // namespace st::cli
