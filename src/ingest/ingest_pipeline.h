// Bundle -> sections -> parsed records -> one store transaction.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bundle/bundle_reader.h"
#include "core/error.h"
#include "core/ids.h"
#include "insights/rule_set.h"
#include "parse/parser_registry.h"
#include "store/database.h"
#include "store/retention.h"

namespace st::ingest {

// Default site pattern: hostnames named SITE-ZONE-ROLE-NN ("NYC-B1-ACC-01" -> site "NYC",
// zone "B1").
inline constexpr std::string_view kDefaultSitePattern =
    R"(^(?<site>[A-Za-z0-9]+)-(?<zone>[A-Za-z0-9]+)-[A-Za-z0-9]+-[0-9]+$)";

struct IngestOptions {
  std::filesystem::path bundle;
  std::optional<std::string> site;  // the run's --site: used when the hostname pattern gives none
  std::string site_pattern{kDefaultSitePattern};  // PCRE2 with a named group `site` (and optionally `zone`)
  // fraction in [0, 1] and a short message; called from the ingesting thread.
  std::function<void(double fraction, std::string_view message)> progress;
  const std::atomic<bool>* cancel = nullptr;  // set to true to stop; nothing is stored
  unsigned threads = 0;                       // parser threads; 0 = one per core
  bool force = false;                         // store a bundle even when every member is stored already
  bundle::BundleLimits limits;                // archive member size and expansion bounds
  // An ntc-templates style folder (an `index` and its .textfsm files): every command its
  // index covers that no other parser takes is parsed into the generic records table
  // (CLI --templates DIR; a GUI setting maps here).
  std::optional<std::filesystem::path> templates;
  int keep_runs = store::kDefaultKeepRuns;  // each device keeps its last N runs in full (store/retention.h); 0: all
  // Detection rules (src/insights/) raise the run's insight cards at commit: the store's rules
  // in force unless `detection` names others; false: no cards for this run.
  bool detect = true;
  std::shared_ptr<const insights::CompiledRules> detection;
};

struct IngestSummary {
  RunId run;
  std::size_t files = 0;
  std::size_t devices = 0;
  std::map<std::string, std::size_t> sections_by_status;  // parsed, unknown, failed
  std::vector<std::string> skipped_members;  // bundle files that are not captures
  std::vector<std::string> warnings;         // e.g. archive member names rewritten to stay inside
  std::optional<RunId> duplicate_of;         // set when every member was stored already: nothing written
  std::uint64_t rows = 0;                    // SQLite rows written (an event block is one row)
  std::uint64_t events = 0;                  // syslog events stored
  unsigned threads = 1;
  std::uint64_t bytes = 0;
  double seconds = 0;        // the whole ingest
  double parse_seconds = 0;  // splitting, parsing, hashing, compressing: summed over parser threads
  double write_seconds = 0;  // the writer thread's time in the store, commit included
  double diff_seconds = 0;   // of which: snapshot digests and the stored diff against each device's previous run
  std::size_t pruned_snapshots = 0;  // older device snapshots pruned by retention
  double detect_seconds = 0;  // of which: detection rules and insight cards
  std::size_t insights = 0;   // insight cards raised
  std::vector<std::pair<std::string, double>> rule_seconds;  // each detection rule's evaluation time
  double megabytes_per_second() const { return seconds > 0 ? bytes / 1e6 / seconds : 0; }
};

// Ingests a bundle as one transaction: on any failure the store is left as it was.
// A path that does not exist or holds no capture is refused (ErrorKind::InputRefused).
// `options.templates` adds its folder to a copy of `registry`; a bad index fails first.
Result<IngestSummary> ingest_bundle(store::Database& db, const parse::ParserRegistry& registry,
                                    const IngestOptions& options);

}  // namespace st::ingest
