// Which recommended show commands each device's capture holds and which it lacks
// (statetrace-cli coverage; later the insight cards' missing-command advice).
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "rules/command_inventory.h"
#include "store/database.h"
#include "store/listings.h"

namespace st::rules {

struct CapturedCommand {
  std::string canonical;
  std::string status;   // of its best section: parsed, else failed, else unknown
  bool partial = false;  // only captured through a filter ("| include ...")
};

struct DeviceCoverage {
  RunId run;
  std::string hostname;
  std::string site;
  std::string platform;  // empty when not recognised: nothing can be recommended then
  std::vector<CapturedCommand> captured;        // canonical commands in the capture, in order
  std::vector<RecommendedCommand> missing;      // recommended and not captured at all
  std::vector<RecommendedCommand> partial;      // captured only filtered: output incomplete
  std::size_t recommended = 0;                  // the platform's list size
};

// Per device of the filter's snapshots (each device's latest run, or one run).
Result<std::vector<DeviceCoverage>> command_coverage(store::Database& db, const store::ListingFilter& filter);

}  // namespace st::rules
