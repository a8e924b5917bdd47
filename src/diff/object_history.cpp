#include "diff/object_history.h"

#include <algorithm>

#include <fmt/format.h>

#include "diff/object_reader.h"
#include "parse/interface_name.h"

namespace st::diff {
namespace {

// "Gi1/0/5" -> "interface:Gi1/0/5"; a key already carrying the kind is kept.
std::string full_key(const DiffKind& kind, std::string_view key) {
  const std::string prefix = kind.name + ":";
  if (key.starts_with(prefix)) return std::string(key);
  return prefix + std::string(key);
}

}  // namespace

Result<std::vector<HistoryEntry>> object_history(store::Database& db, const HistoryRequest& request) {
  const DiffKind& kind = *request.kind;
  ST_TRY(auto device_stmt, db.prepare(
      "SELECT d.id FROM devices d JOIN device_snapshots ds ON ds.device_id = d.id WHERE d.hostname = ? "
      "ORDER BY ds.run_id DESC LIMIT 1"));
  device_stmt.bind_all(store::SqlValue{std::string_view(request.device)});
  ST_TRY(bool found, device_stmt.step());
  if (!found) return fail(ErrorKind::NotFound, fmt::format("no device '{}' in the store", request.device));
  const std::int64_t device = device_stmt.int64(0);

  ST_TRY(auto runs_stmt, db.prepare(
      "SELECT ds.run_id, r.captured_at FROM device_snapshots ds JOIN runs r ON r.id = ds.run_id "
      "WHERE ds.device_id = ? ORDER BY ds.run_id DESC LIMIT ?"));
  runs_stmt.bind_all(store::SqlValue{device}, store::SqlValue{static_cast<std::int64_t>(request.last)});
  std::vector<std::pair<RunId, std::optional<std::string>>> runs;
  while (true) {
    ST_TRY(bool more, runs_stmt.step());
    if (!more) break;
    runs.emplace_back(RunId{runs_stmt.int64(0)}, runs_stmt.optional_text(1));
  }
  std::reverse(runs.begin(), runs.end());

  // The key as given, else with its interface name made canonical (GigabitEthernet1/0/5).
  std::vector<std::string> candidates{full_key(kind, request.key)};
  if (!request.key.starts_with(kind.name + ":")) {
    candidates.push_back(full_key(kind, parse::canonical_interface_name(request.key)));
  }

  ObjectReader reader(db);
  std::vector<std::pair<RunId, LoadedObjects>> snapshots;
  std::string key;
  for (const auto& [run, at] : runs) {
    ST_TRY(auto objects, reader.read(kind, run, device));
    if (key.empty()) {
      for (const auto& c : candidates) {
        if (objects.contains(c)) key = c;
      }
    }
    snapshots.emplace_back(run, std::move(objects));
  }
  if (key.empty()) {
    return fail(ErrorKind::NotFound, fmt::format("device {} has no {} '{}' in its last {} runs", request.device,
                                                 kind.name, request.key, runs.size()));
  }

  std::vector<HistoryEntry> out;
  const LoadedObject* before = nullptr;
  for (std::size_t i = 0; i < snapshots.size(); ++i) {
    const auto& [run, objects] = snapshots[i];
    const auto it = objects.find(key);
    const LoadedObject* now = it == objects.end() ? nullptr : &it->second;
    HistoryEntry e{run, runs[i].second, "", {}, nullptr, std::nullopt};
    if (now) {
      e.values = values_json(kind, *now);
      e.source = now->source;
    }
    if (i == 0) {
      e.change = now ? "first" : "";
    } else if (now && !before) {
      e.change = "added";
    } else if (!now && before) {
      e.change = "removed";
    } else if (now && before) {
      e.fields = changed_fields(Comparison{kind, request.include_volatile, std::nullopt}, *before, *now);
      if (!e.fields.empty()) e.change = "changed";
    }
    before = now;
    if (!e.change.empty()) out.push_back(std::move(e));
  }
  return out;
}

}  // namespace st::diff
