// The work StoreSession runs off the GUI thread: plain C++ over the Qt-free core.
// Each task opens its own connection (one sqlite3* per thread) and returns a value
// that is safe to hand to the GUI thread once the task has finished.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "diff/object_change.h"
#include "diff/object_history.h"
#include "ingest/ingest_pipeline.h"
#include "store/health.h"
#include "store/listings.h"
#include "store/retention.h"

namespace st::ui {

// Immutable snapshots: shared between the task that made them and the models showing them.
using DeviceSnapshot = std::shared_ptr<const std::vector<store::DeviceRow>>;
using InterfaceSnapshot = std::shared_ptr<const std::vector<store::InterfaceRow>>;

struct OpenOutcome {
  std::size_t runs = 0;
  std::optional<Error> error;
};

struct StoreOverview {
  std::size_t runs = 0;
  DeviceSnapshot devices;  // each device's latest snapshot; never null on success
  std::size_t sites = 0;   // distinct sites among `devices`
  std::optional<std::string> latest_capture;  // the newest run's capture time (UTC ISO 8601)
  std::optional<Error> error;
};

struct InterfacesOutcome {
  std::string hostname;
  InterfaceSnapshot interfaces;  // null when `error` is set
  std::optional<Error> error;
};

// One object's history (an interface of a device) through the device's last captures.
struct HistoryOutcome {
  std::string hostname;
  std::string kind;  // a diff kind's name: "interface"
  std::string key;   // "Gi1/0/5"
  std::shared_ptr<const std::vector<diff::HistoryEntry>> entries;  // null when `error` is set
  std::optional<Error> error;
};

// The health view's data: every run's totals, and one run's report.
struct HealthOutcome {
  std::shared_ptr<const std::vector<store::RunHealth>> runs;     // null when `error` is set
  std::shared_ptr<const store::RunHealthReport> report;          // null: no runs (or an error)
  std::optional<Error> error;
};

// The diff explorer's data: the runs to choose from and the diff of two of them.
struct DiffOutcome {
  std::shared_ptr<const std::vector<store::RunRow>> runs;          // null when `error` is set
  std::shared_ptr<const std::vector<diff::ObjectChange>> changes;  // null: fewer than two runs
  std::optional<RunId> from, to;                                   // the runs diffed
  bool include_volatile = false;
  std::vector<std::string> hostnames;  // every device of the store, for the device chooser
  std::optional<std::string> device;   // set: one device's last captures, each against the one before
  std::vector<RunId> captures;         // those captures, oldest first
  std::optional<Error> error;
};

struct IngestOutcome {
  std::string bundle;
  std::optional<ingest::IngestSummary> summary;  // the run was stored
  bool cancelled = false;                        // the user cancelled; nothing was stored
  std::optional<Error> error;                    // failed (or the core's cancellation report)
};

// Opens the store read-write, which creates it and runs the migrations.
OpenOutcome open_and_migrate(const std::filesystem::path& store_path);

// Counts runs and lists each device's latest snapshot.
StoreOverview load_overview(const std::filesystem::path& store_path);

// The interfaces of one device's latest snapshot.
InterfacesOutcome load_interfaces(const std::filesystem::path& store_path, std::string hostname);
// The last `last` captures of one object: the runs in which it appeared, changed or went.
HistoryOutcome load_history(const std::filesystem::path& store_path, std::string hostname, std::string kind,
                            std::string key, std::size_t last = 30);

// Every run's totals and the report of `run` (the latest run when `run` is absent or gone).
HealthOutcome load_health(const std::filesystem::path& store_path, std::optional<RunId> run);

// The diff of `to` (default: the latest run) against `from` (default: the run before it), read
// from the stored diffs where they answer (diff/stored_diff.h).
// `device` and `last` >= 2: that device's last `last` captures instead of `from` against `to`.
DiffOutcome load_diff(const std::filesystem::path& store_path, std::optional<RunId> from, std::optional<RunId> to,
                      bool include_volatile, std::optional<std::string> device = std::nullopt, std::size_t last = 0);

// What an ingest runs with besides the bundle (the settings' part of IngestOptions).
struct IngestSetup {
  std::optional<std::filesystem::path> templates;  // AppSettings::templateDir(), when set
  std::optional<std::string> site_pattern;         // AppSettings::hostnamePattern(), when set
  int keep_runs = store::kDefaultKeepRuns;         // AppSettings::keepRuns(): runs each device keeps in full
};

// Ingests one bundle as `statetrace-cli ingest` does: built-ins, shipped rules and the
// store's rules (rules::registry_for_ingest), plus `setup.templates`. `cancel` may be null.
IngestOutcome run_ingest(const std::filesystem::path& store_path,
                         const std::filesystem::path& bundle, const IngestSetup& setup,
                         const std::atomic<bool>* cancel,
                         std::function<void(double, std::string_view)> progress);

}  // namespace st::ui
