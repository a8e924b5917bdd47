// The WHERE clause every listing shares: which snapshot (a run, else each device's latest),
// which device, and where devices are (site, zone, building, room).
#pragma once

#include <string>
#include <string_view>

#include "store/database.h"
#include "store/listings.h"

namespace st::store {

// The condition on rows of table alias `alias` (which has run_id and device_id and an index
// starting with them); parameters ?1..?6, bound by bind_filter.
std::string snapshot_filter(std::string_view alias);
void bind_filter(Statement& stmt, const ListingFilter& filter);

}  // namespace st::store
