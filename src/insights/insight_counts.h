// How many insight cards each run raised, per device and severity: the "alerts by severity"
// series of the GUI's timeline, read with one grouped query instead of listing every card.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "insights/severity.h"
#include "store/database.h"

namespace st::insights {

struct InsightCountQuery {
  std::optional<std::string> device;  // hostname
  std::optional<std::string> site;
};

struct InsightCountRow {
  RunId run;
  std::optional<std::string> captured_at;  // the run's capture time (UTC ISO-8601)
  std::string site, device;                // empty for a finding about the whole run
  Severity severity = Severity::Info;
  std::size_t cards = 0;
};

// Every stored card counts (false positives and suppressed ones too: the cards view lists them).
// Oldest capture first, then by site, device, run and severity (worst first). A finding about the
// whole run has no device and is left out when the query names a device or a site.
Result<std::vector<InsightCountRow>> count_insights(store::Database& db, const InsightCountQuery& query);

}  // namespace st::insights
