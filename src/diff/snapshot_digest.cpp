#include "diff/snapshot_digest.h"

#include <fmt/format.h>

#include "core/content_hash.h"
#include "diff/diff_kind.h"

namespace st::diff {

Result<RunDigests> compute_digests(store::Database& db, RunId run, std::optional<std::int64_t> device) {
  RunDigests out;
  for (const auto& kind : diff_kinds()) {
    // The primary keys of the object tables start (run_id, device_id, object_key): this is an
    // index walk, and the ORDER BY costs nothing there.
    ST_TRY(auto stmt, db.prepare(fmt::format(
        "SELECT device_id, object_key, content_hash FROM {} WHERE run_id = ?1{} ORDER BY device_id, object_key",
        kind.table, device ? " AND device_id = ?2" : "")));
    stmt.bind_all(store::SqlValue{run.value});
    if (device) stmt.bind(2, store::SqlValue{*device});
    std::int64_t current = -1;
    ContentHash hash;
    std::int64_t rows = 0;
    auto flush = [&] {
      if (current >= 0 && rows > 0) out[current][kind.name] = KindDigest{rows, hash.hex()};
    };
    while (true) {
      ST_TRY(bool more, stmt.step());
      if (!more) break;
      const std::int64_t id = stmt.int64(0);
      if (id != current) {
        flush();
        current = id;
        hash = ContentHash();
        rows = 0;
      }
      hash.add(stmt.text(1)).add(stmt.text(2));
      ++rows;
    }
    flush();
  }
  return out;
}

Result<void> write_digests(store::Database& db, RunId run, RunDigests digests,
                           const std::map<std::int64_t, std::set<std::string, std::less<>>>& captured) {
  for (const auto& [device, kinds] : captured) {
    for (const auto& kind : kinds) digests[device].try_emplace(kind, KindDigest{});
  }
  ST_TRY(auto insert, db.prepare(
      "INSERT OR REPLACE INTO snapshot_digests(run_id, device_id, kind, rows, digest) VALUES (?, ?, ?, ?, ?)"));
  for (const auto& [device, kinds] : digests) {
    for (const auto& [kind, d] : kinds) {
      insert.bind_all(store::SqlValue{run.value}, store::SqlValue{device}, store::SqlValue{std::string_view(kind)},
                      store::SqlValue{d.rows}, store::SqlValue{std::string_view(d.digest)});
      ST_CHECK(insert.run());
    }
  }
  return {};
}

Result<RunDigests> read_digests(store::Database& db, RunId run, const std::set<std::int64_t>& devices) {
  RunDigests out;
  ST_TRY(auto stmt, db.prepare("SELECT device_id, kind, rows, digest FROM snapshot_digests WHERE run_id = ?"));
  stmt.bind_all(store::SqlValue{run.value});
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    const std::int64_t device = stmt.int64(0);
    if (devices.contains(device)) out[device][stmt.text(1)] = KindDigest{stmt.int64(2), stmt.text(3)};
  }
  // Every captured device has a `device` digest (its device_snapshots row): one without any was
  // ingested before 0008.
  for (const std::int64_t device : devices) {
    if (out.contains(device)) continue;
    ST_TRY(auto computed, compute_digests(db, run, device));
    if (auto it = computed.find(device); it != computed.end()) out[device] = std::move(it->second);
  }
  return out;
}

}  // namespace st::diff
