// What the rule engine reads about one stored run, loaded once and shared by every rule:
// the run's devices (with their previous run), the selected syslog events, and, on demand,
// objects, stored diffs and command coverage. Works inside the ingest's open transaction
// (the run's rows are written, not yet committed) and on any committed run.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/ids.h"
#include "diff/object_change.h"
#include "diff/object_reader.h"
#include "insights/selected_event.h"
#include "rules/command_coverage.h"
#include "store/database.h"

namespace st::insights {

struct RunDevice {
  std::int64_t id = 0;
  std::string hostname, site, platform;
  std::string vendor;  // cisco, arista, ruckus; "" unknown
  std::optional<std::int64_t> previous_run;
  // The newest event time (second) of the previous run: `show logging` buffers of consecutive
  // captures overlap, so only later events are new (as the metrics count them).
  std::optional<std::int64_t> events_after;
};

class RunContext {
 public:
  static Result<std::unique_ptr<RunContext>> load(store::Database& db, RunId run, RunEvents events);

  store::Database& db() { return db_; }
  RunId run() const { return run_; }
  const std::vector<RunDevice>& devices() const { return devices_; }
  // The device's selected events that are new in this run (see RunDevice::events_after).
  const std::vector<SelectedEvent>& events(std::int64_t device) const;
  std::optional<std::string> captured_at() const { return captured_at_; }

  diff::ObjectReader& objects() { return reader_; }
  // One kind's objects of a device in this run with their fields as JSON, read once for every
  // rule that asks (the interface rules all read the same table).
  struct KindObject {
    std::string key;
    nlohmann::json fields;
    std::optional<store::SourceRef> source;
  };
  Result<const std::vector<KindObject>*> objects_of(const diff::DiffKind& kind, std::int64_t device);
  // Changes of one diff kind of every device against its previous run (stored diffs).
  Result<const std::vector<diff::ObjectChange>*> changes(const std::string& kind);
  Result<const rules::DeviceCoverage*> coverage(const std::string& hostname);
  Result<std::int64_t> file_id(RunId run, const std::string& path);
  // Interface name -> port type (access, trunk, uplink, routed) of one device in this run.
  Result<const std::map<std::string, std::string>*> port_types(std::int64_t device);

 private:
  RunContext(store::Database& db, RunId run) : db_(db), run_(run), reader_(db) {}

  store::Database& db_;
  RunId run_;
  std::vector<RunDevice> devices_;
  RunEvents events_;
  std::optional<std::string> captured_at_;
  diff::ObjectReader reader_;
  std::map<std::string, std::vector<diff::ObjectChange>> changes_;
  std::optional<std::vector<rules::DeviceCoverage>> coverage_;
  std::map<std::pair<std::int64_t, std::string>, std::int64_t> file_ids_;
  std::map<std::int64_t, std::map<std::string, std::string>> port_types_;
  std::map<std::pair<std::string, std::int64_t>, std::vector<KindObject>> objects_;
};

}  // namespace st::insights
