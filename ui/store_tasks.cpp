#include "ui/store_tasks.h"

#include <algorithm>
#include <set>
#include <utility>

#include "diff/device_captures_diff.h"
#include "diff/diff_kind.h"
#include "diff/stored_diff.h"
#include "rules/user_rules.h"
#include "store/store.h"

namespace st::ui {

OpenOutcome open_and_migrate(const std::filesystem::path& store_path) {
  OpenOutcome outcome;
  // open_store creates the store's folder (the XDG data dir may not exist on a first start).
  auto db = store::open_store(store_path, store::OpenMode::ReadWrite);
  if (!db) {
    outcome.error = std::move(db).error();
    return outcome;
  }
  auto runs = store::list_runs(*db);
  if (!runs) {
    outcome.error = std::move(runs).error();
    return outcome;
  }
  outcome.runs = runs->size();
  return outcome;
}

StoreOverview load_overview(const std::filesystem::path& store_path) {
  StoreOverview overview;
  auto db = store::open_store(store_path, store::OpenMode::ReadOnly);
  if (!db) {
    overview.error = std::move(db).error();
    return overview;
  }
  auto runs = store::list_runs(*db);
  if (!runs) {
    overview.error = std::move(runs).error();
    return overview;
  }
  auto devices = store::list_devices(*db, store::ListingFilter{});
  if (!devices) {
    overview.error = std::move(devices).error();
    return overview;
  }
  overview.runs = runs->size();
  for (const auto& run : *runs) {
    // ISO 8601 UTC strings order as the times they name.
    if (run.captured_at && (!overview.latest_capture || *run.captured_at > *overview.latest_capture))
      overview.latest_capture = run.captured_at;
  }
  std::set<std::string> sites;
  for (const auto& device : *devices) sites.insert(device.site);
  overview.sites = sites.size();
  overview.devices = std::make_shared<const std::vector<store::DeviceRow>>(std::move(*devices));
  return overview;
}

InterfacesOutcome load_interfaces(const std::filesystem::path& store_path, std::string hostname) {
  InterfacesOutcome outcome;
  outcome.hostname = std::move(hostname);
  auto db = store::open_store(store_path, store::OpenMode::ReadOnly);
  if (!db) {
    outcome.error = std::move(db).error();
    return outcome;
  }
  auto rows = store::list_interfaces(*db, store::ListingFilter{.run = std::nullopt,
                                                               .device = outcome.hostname});
  if (!rows) {
    outcome.error = std::move(rows).error();
    return outcome;
  }
  outcome.interfaces = std::make_shared<const std::vector<store::InterfaceRow>>(std::move(*rows));
  return outcome;
}

HistoryOutcome load_history(const std::filesystem::path& store_path, std::string hostname, std::string kind,
                            std::string key, std::size_t last) {
  HistoryOutcome outcome{std::move(hostname), std::move(kind), std::move(key), nullptr, std::nullopt};
  const diff::DiffKind* diff_kind = diff::diff_kind_by_name(outcome.kind);
  if (!diff_kind) {
    outcome.error = fail(ErrorKind::NotFound, "no object kind '" + outcome.kind + "'").error();
    return outcome;
  }
  auto db = store::open_store(store_path, store::OpenMode::ReadOnly);
  if (!db) {
    outcome.error = std::move(db).error();
    return outcome;
  }
  auto entries = diff::object_history(*db, diff::HistoryRequest{outcome.hostname, diff_kind, outcome.key, last, false});
  if (!entries) {
    outcome.error = std::move(entries).error();
    return outcome;
  }
  outcome.entries = std::make_shared<const std::vector<diff::HistoryEntry>>(std::move(*entries));
  return outcome;
}

DiffOutcome load_diff(const std::filesystem::path& store_path, std::optional<RunId> from, std::optional<RunId> to,
                      bool include_volatile, std::optional<std::string> device, std::size_t last) {
  DiffOutcome outcome;
  outcome.include_volatile = include_volatile;
  auto db = store::open_store(store_path, store::OpenMode::ReadOnly);
  if (!db) {
    outcome.error = std::move(db).error();
    return outcome;
  }
  auto runs = store::list_runs(*db);
  if (!runs) {
    outcome.error = std::move(runs).error();
    return outcome;
  }
  auto devices = store::list_devices(*db, store::ListingFilter{});
  if (!devices) {
    outcome.error = std::move(devices).error();
    return outcome;
  }
  std::set<std::string> hostnames;
  for (const auto& d : *devices) hostnames.insert(d.hostname);
  outcome.hostnames.assign(hostnames.begin(), hostnames.end());
  if (device && last >= 2) {
    diff::DiffOptions options;
    options.include_volatile = include_volatile;
    auto captures = diff::diff_device_captures(*db, *device, last, options);
    if (!captures) {
      outcome.error = std::move(captures).error();
      return outcome;
    }
    outcome.device = std::move(device);
    outcome.captures = captures->runs;  // from and to stay unset: each change names its own pair
    outcome.changes = std::make_shared<const std::vector<diff::ObjectChange>>(std::move(captures->changes));
    outcome.runs = std::make_shared<const std::vector<store::RunRow>>(std::move(*runs));
    return outcome;
  }
  auto listed = [&](std::optional<RunId> run) {
    return run && std::any_of(runs->begin(), runs->end(), [&](const store::RunRow& r) { return r.id == *run; });
  };
  if (runs->size() >= 2) {
    // Runs are listed oldest first: the latest, and the one before the chosen `to`.
    outcome.to = listed(to) ? *to : runs->back().id;
    if (listed(from) && *from != *outcome.to) {
      outcome.from = *from;
    } else {
      for (const auto& r : *runs) {
        if (r.id < *outcome.to) outcome.from = r.id;
      }
      if (!outcome.from) outcome.from = runs->back().id == *outcome.to ? runs->front().id : runs->back().id;
    }
    diff::DiffOptions options;
    options.include_volatile = include_volatile;
    auto changes = diff::diff_between(*db, *outcome.from, *outcome.to, options);
    if (!changes) {
      outcome.error = std::move(changes).error();
      return outcome;
    }
    outcome.changes = std::make_shared<const std::vector<diff::ObjectChange>>(std::move(*changes));
  }
  outcome.runs = std::make_shared<const std::vector<store::RunRow>>(std::move(*runs));
  return outcome;
}

HealthOutcome load_health(const std::filesystem::path& store_path, std::optional<RunId> run) {
  HealthOutcome outcome;
  auto db = store::open_store(store_path, store::OpenMode::ReadOnly);
  if (!db) {
    outcome.error = std::move(db).error();
    return outcome;
  }
  auto runs = store::list_run_health(*db);
  if (!runs) {
    outcome.error = std::move(runs).error();
    return outcome;
  }
  if (!runs->empty()) {
    bool listed = false;
    for (const auto& r : *runs) listed = listed || (run && r.run == *run);
    auto report = store::run_health(*db, listed ? *run : runs->back().run);
    if (!report) {
      outcome.error = std::move(report).error();
      return outcome;
    }
    outcome.report = std::make_shared<const store::RunHealthReport>(std::move(*report));
  }
  outcome.runs = std::make_shared<const std::vector<store::RunHealth>>(std::move(*runs));
  return outcome;
}

IngestOutcome run_ingest(const std::filesystem::path& store_path,
                         const std::filesystem::path& bundle, const IngestSetup& setup,
                         const std::atomic<bool>* cancel,
                         std::function<void(double, std::string_view)> progress) {
  IngestOutcome outcome;
  outcome.bundle = bundle.string();
  auto db = store::open_store(store_path, store::OpenMode::ReadWrite);
  if (!db) {
    outcome.error = std::move(db).error();
    return outcome;
  }
  auto registry = rules::registry_for_ingest(*db);
  if (!registry) {
    outcome.error = std::move(registry).error();
    return outcome;
  }
  ingest::IngestOptions options;
  options.bundle = bundle;
  options.templates = setup.templates;
  if (setup.site_pattern) options.site_pattern = *setup.site_pattern;
  options.keep_runs = setup.keep_runs;
  options.progress = std::move(progress);
  options.cancel = cancel;
  auto summary = ingest::ingest_bundle(*db, *registry, options);
  if (summary) {
    // A cancel that arrives after the commit is too late: the run is stored.
    outcome.summary = std::move(*summary);
    return outcome;
  }
  outcome.cancelled = cancel != nullptr && cancel->load();
  outcome.error = std::move(summary).error();
  return outcome;
}

}  // namespace st::ui
