// Reading insight cards and incident clusters back (CLI `insights`, `clusters`, the GUI's
// cards view): ranked by severity, with their evidence lines read from the raw bytes, the
// operator's false-positive mark and the suppression that silenced them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "insights/finding.h"
#include "insights/severity.h"
#include "store/database.h"
#include "store/listings.h"

namespace st::insights {

struct EvidenceLine {
  store::SourceRef source;
  std::string text;  // the raw line(s), without the line end
};

struct InsightRow {
  std::int64_t id = 0;
  RunId run;
  std::string device, site;
  std::string rule, rule_origin, signature, title, summary;
  Severity severity = Severity::Info;
  std::vector<std::string> objects;
  std::optional<std::string> first_seen, last_seen;
  std::size_t evidence_count = 0;
  std::vector<EvidenceLine> evidence;  // at most kMaxEvidence
  std::vector<MissingCommand> missing_commands;
  std::string fingerprint;
  std::optional<std::int64_t> cluster;
  bool false_positive = false;
  std::optional<std::string> feedback_note, feedback_by;
  std::optional<std::int64_t> suppression;
  std::optional<std::string> suppression_reason, suppressed_until;
};

struct InsightQuery {
  std::optional<RunId> run;  // nullopt: each device's latest run
  std::optional<std::string> device;
  std::optional<std::int64_t> id;
  Severity min_severity = Severity::Info;
  bool evidence_text = true;  // read the evidence lines' bytes
};

Result<std::vector<InsightRow>> list_insights(store::Database& db, const InsightQuery& query);

struct ClusterRow {
  std::int64_t id = 0;
  RunId run;
  std::string pattern, signature, title, summary;
  Severity severity = Severity::Info;
  std::vector<std::string> devices;
  std::optional<std::string> first_seen, last_seen;
  std::vector<std::int64_t> insights;  // the cards it groups
  std::vector<EvidenceLine> evidence;  // its cards' first lines, in time order
};

// Clusters of one run (nullopt: the latest run).
Result<std::vector<ClusterRow>> list_clusters(store::Database& db, std::optional<RunId> run);

}  // namespace st::insights
