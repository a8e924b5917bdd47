// The ingest report of a run (the health view's data): its files, its devices' parse
// telemetry, section counts by status, and each section that was not parsed with its
// reason and source. Plain C++ over the store; the GUI and tests call it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "store/database.h"
#include "store/listings.h"

namespace st::store {

// Sections by status, as ingest_telemetry counts them.
struct SectionCounts {
  std::int64_t parsed = 0;
  std::int64_t unknown = 0;
  std::int64_t failed = 0;
  std::int64_t total() const { return parsed + unknown + failed; }
  friend bool operator==(const SectionCounts&, const SectionCounts&) = default;
};

// One run's totals: one row per run in the health overview.
struct RunHealth {
  RunId run;
  std::string bundle;
  std::optional<std::string> site;
  std::string ingested_at;
  std::optional<std::string> captured_at;
  std::int64_t files = 0;
  std::int64_t devices = 0;
  std::uint64_t bytes = 0;       // raw bytes of the run's files
  double parse_seconds = 0;      // summed over files and devices (CPU time on parser threads)
  SectionCounts sections;
};

// One stored file of a run.
struct FileHealth {
  FileId id;
  std::string path;              // inside the bundle
  std::uint64_t size = 0;
  std::optional<std::string> sha256;
  std::int64_t devices = 0;      // devices with sections in this file
  double parse_seconds = 0;
  SectionCounts sections;
};

// One device's telemetry in one file (hostname absent: text before the first prompt).
struct DeviceHealth {
  std::optional<std::string> hostname;
  std::string file;
  std::uint64_t bytes = 0;       // bytes of this device's sections in the file
  double parse_seconds = 0;
  SectionCounts sections;
};

// The full report of one run. `issues` are its unknown and failed sections in file order.
struct RunHealthReport {
  RunHealth summary;
  std::vector<FileHealth> files;
  std::vector<DeviceHealth> devices;
  std::vector<SectionRow> issues;
};

// Every run, oldest first, with its totals.
Result<std::vector<RunHealth>> list_run_health(Database& db);

// The stored files of `run`, in path order.
Result<std::vector<FileHealth>> list_run_files(Database& db, RunId run);

// One run's report; NotFound when the run does not exist.
Result<RunHealthReport> run_health(Database& db, RunId run);

}  // namespace st::store
