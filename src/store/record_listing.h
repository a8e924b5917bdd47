// The generic `records` table as a listing: parsed output with no normalized table (rule
// and template records), filtered by command, run and device. Without a run, each
// device's latest snapshot is listed, as the other listings do.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/database.h"
#include "store/listings.h"

namespace st::store {

struct RecordRow {
  RunId run;
  std::string device;
  std::string command;
  std::string parser;
  std::string object_key;
  nlohmann::ordered_json row;  // the record as the parser gave it
  SourceRef source;
};

Result<std::vector<RecordRow>> list_records(Database& db, const ListingFilter& filter,
                                            const std::optional<std::string>& command);

}  // namespace st::store
