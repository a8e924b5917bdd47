#include "diff/stored_diff.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <set>

#include "diff/snapshot_digest.h"

namespace st::diff {
namespace {

using store::SqlValue;

// Each device of the run, with its previous run (nullopt: first captured here).
Result<std::map<std::int64_t, std::optional<std::int64_t>>> previous_runs(store::Database& db, RunId run) {
  ST_TRY(auto stmt, db.prepare(
      "SELECT ds.device_id, (SELECT MAX(p.run_id) FROM device_snapshots p "
      "                      WHERE p.device_id = ds.device_id AND p.run_id < ds.run_id) "
      "FROM device_snapshots ds WHERE ds.run_id = ?"));
  stmt.bind_all(SqlValue{run.value});
  std::map<std::int64_t, std::optional<std::int64_t>> out;
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    out[stmt.int64(0)] = stmt.optional_int64(1);
  }
  return out;
}

bool kind_wanted(const DiffOptions& options, std::string_view kind) {
  if (options.kinds.empty()) return true;
  return std::any_of(options.kinds.begin(), options.kinds.end(), [&](const DiffKind* k) { return k->name == kind; });
}

// The stored changes of `to`'s devices diffed against `from` (all of them when `from` is
// nullopt), and which devices those are (a device with no change still has its summary).
struct Stored {
  std::vector<ObjectChange> changes;
  std::set<std::int64_t> devices;
};

Result<Stored> read_stored(store::Database& db, std::optional<RunId> from, RunId to, const DiffOptions& options) {
  Stored out;
  std::map<std::int64_t, std::pair<std::string, std::string>> names;
  {
    ST_TRY(auto stmt, db.prepare(
        "SELECT s.device_id, s.from_run_id, d.hostname, d.site FROM diff_summaries s JOIN devices d ON d.id = s.device_id "
        "WHERE s.run_id = ?"));
    stmt.bind_all(SqlValue{to.value});
    while (true) {
      ST_TRY(bool more, stmt.step());
      if (!more) break;
      const std::int64_t device = stmt.int64(0);
      if (options.devices && !options.devices->contains(device)) continue;
      const auto previous = stmt.optional_int64(1);
      if (from ? previous != from->value : false) continue;
      out.devices.insert(device);
      names[device] = {stmt.text(2), stmt.text(3)};
      if (!previous) {
        // First captured in `to`: one added device, as diff_runs says it.
        ObjectChange c;
        c.from_run = RunId{0};
        c.to_run = to;
        c.device_id = device;
        c.device = stmt.text(2);
        c.site = stmt.text(3);
        c.kind = "device";
        c.key = "device:" + c.device;
        c.change = ChangeType::Added;
        out.changes.push_back(std::move(c));
      }
    }
  }
  ST_TRY(auto stmt, db.prepare(
      "SELECT device_id, from_run_id, kind, object_key, change, detail_json FROM diff_changes WHERE run_id = ?"));
  stmt.bind_all(SqlValue{to.value});
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    const std::int64_t device = stmt.int64(0);
    if (!out.devices.contains(device)) continue;
    if (from && stmt.int64(1) != from->value) continue;
    const std::string kind = stmt.text(2);
    if (!kind_wanted(options, kind)) continue;
    ObjectChange c = from_detail_json(nlohmann::json::parse(stmt.text(5)));
    c.from_run = RunId{stmt.int64(1)};
    c.to_run = to;
    c.device_id = device;
    c.device = names.at(device).first;
    c.site = names.at(device).second;
    c.kind = kind;
    c.key = stmt.text(3);
    c.change = change_type_from(stmt.text(4)).value_or(ChangeType::Changed);
    out.changes.push_back(std::move(c));
  }
  return out;
}

Result<std::set<std::int64_t>> devices_of_runs(store::Database& db, RunId a, RunId b) {
  ST_TRY(auto stmt, db.prepare("SELECT DISTINCT device_id FROM device_snapshots WHERE run_id IN (?, ?)"));
  stmt.bind_all(SqlValue{a.value}, SqlValue{b.value});
  std::set<std::int64_t> out;
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    out.insert(stmt.int64(0));
  }
  return out;
}

}  // namespace

Result<void> store_run_diffs(store::Database& db, RunId run) {
  ST_TRY(const auto previous, previous_runs(db, run));
  std::map<std::int64_t, std::set<std::int64_t>> by_previous;  // previous run -> its devices
  ST_TRY(auto summary, db.prepare(
      "INSERT INTO diff_summaries(run_id, device_id, from_run_id, added, removed, changed, not_captured) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)"));
  for (const auto& [device, prev] : previous) {
    if (prev) {
      by_previous[*prev].insert(device);
    } else {
      summary.bind_all(SqlValue{run.value}, SqlValue{device}, SqlValue{nullptr}, SqlValue{std::int64_t{0}},
                       SqlValue{std::int64_t{0}}, SqlValue{std::int64_t{0}}, SqlValue{std::int64_t{0}});
      ST_CHECK(summary.run());
    }
  }
  ST_TRY(auto insert, db.prepare(
      "INSERT OR REPLACE INTO diff_changes(run_id, device_id, from_run_id, kind, object_key, change, detail_json) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)"));
  for (const auto& [prev, devices] : by_previous) {
    DiffOptions options;
    options.devices = devices;
    ST_TRY(const auto changes, diff_runs(db, RunId{prev}, run, options));
    std::map<std::int64_t, std::array<std::int64_t, 4>> counts;
    for (const std::int64_t d : devices) counts[d] = {0, 0, 0, 0};
    for (const auto& c : changes) {
      const std::string detail = detail_json(c).dump();
      insert.bind_all(SqlValue{run.value}, SqlValue{c.device_id}, SqlValue{prev}, SqlValue{std::string_view(c.kind)},
                      SqlValue{std::string_view(c.key)}, SqlValue{to_string(c.change)}, SqlValue{std::string_view(detail)});
      ST_CHECK(insert.run());
      ++counts[c.device_id][static_cast<std::size_t>(c.change)];
    }
    for (const auto& [device, n] : counts) {
      summary.bind_all(SqlValue{run.value}, SqlValue{device}, SqlValue{prev}, SqlValue{n[0]}, SqlValue{n[1]},
                       SqlValue{n[2]}, SqlValue{n[3]});
      ST_CHECK(summary.run());
    }
  }
  return {};
}

Result<std::vector<ObjectChange>> diff_between(store::Database& db, RunId from, RunId to, const DiffOptions& options) {
  if (options.include_volatile || !options.trust_hashes) return diff_runs(db, from, to, options);
  ST_TRY(auto stored, read_stored(db, from, to, options));
  ST_TRY(const auto all, devices_of_runs(db, from, to));
  std::set<std::int64_t> rest;
  for (const std::int64_t d : all) {
    if (!stored.devices.contains(d) && (!options.devices || options.devices->contains(d))) rest.insert(d);
  }
  if (!rest.empty()) {
    DiffOptions on_demand = options;
    on_demand.devices = std::move(rest);
    ST_TRY(auto computed, diff_runs(db, from, to, on_demand));
    std::move(computed.begin(), computed.end(), std::back_inserter(stored.changes));
  }
  sort_changes(stored.changes);
  return std::move(stored.changes);
}

Result<std::vector<ObjectChange>> diff_since_previous(store::Database& db, RunId to, const DiffOptions& options) {
  ST_TRY(const auto previous, previous_runs(db, to));
  Stored stored;
  if (!options.include_volatile && options.trust_hashes) {
    ST_TRY(stored, read_stored(db, std::nullopt, to, options));
  }
  // Volatile fields are not stored, and a run ingested before diffs were stored has none:
  // those devices against their previous run on demand.
  for (const auto& [device, prev] : previous) {
    if (stored.devices.contains(device) || (options.devices && !options.devices->contains(device))) continue;
    DiffOptions one = options;
    one.devices = std::set<std::int64_t>{device};
    ST_TRY(auto changes, diff_runs(db, RunId{prev.value_or(0)}, to, one));
    std::move(changes.begin(), changes.end(), std::back_inserter(stored.changes));
  }
  sort_changes(stored.changes);
  return std::move(stored.changes);
}

}  // namespace st::diff
