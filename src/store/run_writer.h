// Writes one bundle as one run, in one transaction: all of it or none of it.
// Files arrive one FileBatch at a time (in bundle order) so parsing and writing overlap;
// nothing is visible to readers until commit().
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "store/database.h"
#include "store/file_batch.h"

namespace st::store {

struct RunTotals {
  std::size_t files = 0;
  std::size_t devices = 0;
  std::uint64_t bytes = 0;
  std::uint64_t rows = 0;    // SQLite rows (an event block is one row)
  std::uint64_t events = 0;  // syslog events, inside their blocks
  std::map<std::string, std::size_t> sections_by_status;
  double diff_seconds = 0;  // digests and stored diffs, inside commit()
  std::size_t pruned_snapshots = 0;  // older (device, run) snapshots pruned by retention
  double detect_seconds = 0;         // detection rules and cards, inside commit()
  std::size_t insights = 0;          // insight cards written
  std::vector<std::string> auto_disabled_rules;  // detection rules stopped for taking too long
  std::vector<std::pair<std::string, double>> rule_seconds;  // each detection rule's evaluation time
};

class RunWriter {
 public:
  using PlaceOf = std::function<HostPlace(std::string_view hostname)>;

  // Takes the write lock (a second writer waits for the busy timeout, then fails clearly).
  static Result<RunWriter> begin(Database& db, const RunHeader& header, PlaceOf place_of,
                                 const std::atomic<bool>* cancel = nullptr);
  RunWriter(RunWriter&&) noexcept;
  RunWriter& operator=(RunWriter&&) = delete;
  ~RunWriter();  // rolls back unless committed

  Result<void> add(const FileBatch& batch);
  // Works out each device's port facts (model/port_facts.h), writes the per-device
  // snapshots and the run's capture time, then commits.
  Result<RunId> commit();

  const RunTotals& totals() const;
  RunId run() const;  // the id this run gets if it commits

 private:
  struct State;
  explicit RunWriter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace st::store
