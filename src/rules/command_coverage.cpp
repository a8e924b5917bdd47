#include "rules/command_coverage.h"

#include <algorithm>
#include <map>

namespace st::rules {
namespace {

int status_rank(std::string_view status) { return status == "parsed" ? 2 : status == "failed" ? 1 : 0; }

}  // namespace

Result<std::vector<DeviceCoverage>> command_coverage(store::Database& db, const store::ListingFilter& filter) {
  ST_TRY(auto inventories, shipped_command_inventories());
  ST_TRY(auto devices, store::list_devices(db, filter));
  ST_TRY(auto sections, store::list_sections(db, filter));

  std::vector<DeviceCoverage> out;
  for (const auto& d : devices) {
    DeviceCoverage c{d.run, d.hostname, d.site, d.platform.value_or(""), {}, {}, {}, 0};
    for (const auto& s : sections) {
      if (s.run != d.run || s.device != d.hostname || !s.canonical_command) continue;
      const bool partial = s.filter.has_value();
      auto it = std::find_if(c.captured.begin(), c.captured.end(),
                             [&](const CapturedCommand& x) { return x.canonical == *s.canonical_command; });
      if (it == c.captured.end()) {
        c.captured.push_back({*s.canonical_command, s.status, partial});
        continue;
      }
      // A whole output beats a filtered one; a parsed section beats a failed or unknown one.
      if (it->partial && !partial) *it = {*s.canonical_command, s.status, false};
      else if (it->partial == partial && status_rank(s.status) > status_rank(it->status)) it->status = s.status;
    }
    auto inventory = std::find_if(inventories.begin(), inventories.end(),
                                  [&](const CommandInventory& i) { return i.platform == c.platform; });
    if (inventory != inventories.end()) {
      c.recommended = inventory->commands.size();
      for (const auto& want : inventory->commands) {
        bool whole = false, filtered = false;
        for (const auto& got : c.captured) {
          if (!want.satisfied_by(got.canonical)) continue;
          (got.partial ? filtered : whole) = true;
        }
        if (!whole) (filtered ? c.partial : c.missing).push_back(want);
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace st::rules
