#include "diff/run_diff.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "diff/snapshot_digest.h"
#include "diff/object_reader.h"

namespace st::diff {
namespace {


struct DeviceName {
  std::string hostname;
  std::string site;
};

Result<std::map<std::int64_t, DeviceName>> devices_of(store::Database& db, RunId run) {
  ST_TRY(auto stmt, db.prepare(
      "SELECT ds.device_id, d.hostname, d.site FROM device_snapshots ds JOIN devices d ON d.id = ds.device_id "
      "WHERE ds.run_id = ? AND ds.pruned = 0"));
  stmt.bind_all(store::SqlValue{run.value});
  std::map<std::int64_t, DeviceName> out;
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    out[stmt.int64(0)] = DeviceName{stmt.text(1), stmt.text(2)};
  }
  return out;
}

std::size_t kind_order(std::string_view kind) {
  const auto kinds = diff_kinds();
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if (kinds[i].name == kind) return i;
  }
  return kinds.size();
}

}  // namespace

void sort_changes(std::vector<ObjectChange>& changes) {
  std::stable_sort(changes.begin(), changes.end(), [](const ObjectChange& a, const ObjectChange& b) {
    return std::forward_as_tuple(a.site, a.device, kind_order(a.kind), a.key) <
           std::forward_as_tuple(b.site, b.device, kind_order(b.kind), b.key);
  });
}

Result<std::vector<ObjectChange>> diff_runs(store::Database& db, RunId from, RunId to, const DiffOptions& options) {
  ST_TRY(auto from_devices, devices_of(db, from));
  ST_TRY(auto to_devices, devices_of(db, to));
  auto wanted = [&](std::int64_t id) { return !options.devices || options.devices->contains(id); };

  std::set<std::int64_t> both;
  std::vector<ObjectChange> out;
  // One line of the diff for a device's object; `kind` and `key` name it.
  auto line = [&](std::int64_t id, const DeviceName& name, std::string kind, std::string key,
                  ChangeType change) -> ObjectChange& {
    ObjectChange& c = out.emplace_back();
    c.from_run = from;
    c.to_run = to;
    c.device_id = id;
    c.device = name.hostname;
    c.site = name.site;
    c.kind = std::move(kind);
    c.key = std::move(key);
    c.change = change;
    return c;
  };
  auto device_line = [&](std::int64_t id, const DeviceName& name, ChangeType change, std::string missing_in) {
    line(id, name, "device", "device:" + name.hostname, change).missing_in = std::move(missing_in);
  };
  for (const auto& [id, name] : from_devices) {
    if (!wanted(id)) continue;
    if (to_devices.contains(id)) both.insert(id);
    else device_line(id, name, ChangeType::NotCaptured, "to");
  }
  for (const auto& [id, name] : to_devices) {
    if (wanted(id) && !from_devices.contains(id)) device_line(id, name, ChangeType::Added, "");
  }

  std::vector<const DiffKind*> kinds = options.kinds;
  if (kinds.empty()) {
    for (const auto& k : diff_kinds()) kinds.push_back(&k);
  }
  ST_TRY(const auto from_digests, read_digests(db, from, both));
  ST_TRY(const auto to_digests, read_digests(db, to, both));
  std::optional<double> minutes;
  {
    ST_TRY(auto stmt, db.prepare(
        "SELECT (julianday(b.captured_at) - julianday(a.captured_at)) * 1440.0 FROM runs a, runs b "
        "WHERE a.id = ? AND b.id = ? AND a.captured_at IS NOT NULL AND b.captured_at IS NOT NULL"));
    stmt.bind_all(store::SqlValue{from.value}, store::SqlValue{to.value});
    ST_TRY(bool row, stmt.step());
    if (row && !stmt.is_null(0)) minutes = stmt.real(0);
  }

  ObjectReader reader(db);
  static const DeviceDigests kNone;
  for (const std::int64_t id : both) {
    const DeviceName& name = to_devices.at(id);
    const auto f_it = from_digests.find(id);
    const auto t_it = to_digests.find(id);
    const DeviceDigests& fd = f_it == from_digests.end() ? kNone : f_it->second;
    const DeviceDigests& td = t_it == to_digests.end() ? kNone : t_it->second;
    auto object_line = [&](const DiffKind& kind, std::string key, ChangeType change) -> ObjectChange& {
      return line(id, name, kind.name, std::move(key), change);
    };
    for (const DiffKind* kind : kinds) {
      const auto a = fd.find(kind->name);
      const auto b = td.find(kind->name);
      const bool in_from = a != fd.end(), in_to = b != td.end();
      if (!in_from && !in_to) continue;
      if (in_from != in_to) {
        // Captured in one run only: one line, not every object added or removed. A kind
        // captured empty on the one side has nothing to say.
        const KindDigest& present = in_from ? a->second : b->second;
        if (present.rows > 0) object_line(*kind, kind->name, ChangeType::NotCaptured).missing_in = in_from ? "to" : "from";
        continue;
      }
      const bool hashes_cover = options.trust_hashes && !options.include_volatile;
      if (hashes_cover && a->second == b->second) continue;
      ST_TRY(const auto old_objects, reader.read_index(*kind, from, id));
      ST_TRY(const auto new_objects, reader.read_index(*kind, to, id));
      const Comparison comparison{*kind, options.include_volatile, minutes};
      auto o = old_objects.begin();
      auto n = new_objects.begin();
      while (o != old_objects.end() || n != new_objects.end()) {
        if (n == new_objects.end() || (o != old_objects.end() && o->key < n->key)) {
          ST_TRY(auto source, reader.source_of(*o));
          object_line(*kind, o->key, ChangeType::Removed).from_source = std::move(source);
          ++o;
        } else if (o == old_objects.end() || n->key < o->key) {
          ST_TRY(auto source, reader.source_of(*n));
          object_line(*kind, n->key, ChangeType::Added).to_source = std::move(source);
          ++n;
        } else {
          if (!(hashes_cover && o->hash == n->hash)) {
            // Values are read only for the objects whose hashes differ.
            ST_TRY(const auto before, reader.read_one(*kind, from, id, o->key));
            ST_TRY(const auto after, reader.read_one(*kind, to, id, n->key));
            auto fields = changed_fields(comparison, before, after);
            if (!fields.empty()) {
              auto& c = object_line(*kind, o->key, ChangeType::Changed);
              c.fields = std::move(fields);
              c.from_source = before.source;
              c.to_source = after.source;
            }
          }
          ++o;
          ++n;
        }
      }
    }
  }
  sort_changes(out);
  return out;
}

}  // namespace st::diff
