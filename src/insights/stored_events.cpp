#include "insights/stored_events.h"

#include <map>

#include "parse/log_time.h"
#include "store/listings.h"

namespace st::insights {

namespace {

// "2026-11-20T09:14:07Z" or "...07.532Z" -> unix milliseconds.
std::optional<std::int64_t> millis_of(const std::string& iso) {
  auto seconds = parse::parse_utc_iso(iso);
  if (!seconds) return std::nullopt;
  std::int64_t ms = *seconds * 1000;
  if (iso.size() > 20 && iso[19] == '.') ms += std::stoi(iso.substr(20, 3));
  return ms;
}

}  // namespace

Result<RunEvents> select_stored_events(store::Database& db, RunId run, const EventSelectorSet& selectors) {
  RunEvents out;
  if (selectors.empty()) return out;
  std::map<std::string, std::int64_t> devices, files;
  {
    ST_TRY(auto stmt, db.prepare("SELECT d.hostname, d.id FROM device_snapshots s JOIN devices d ON d.id = s.device_id"
                                 " WHERE s.run_id = ?"));
    stmt.bind_all(store::SqlValue{run.value});
    while (true) {
      ST_TRY(bool row, stmt.step());
      if (!row) break;
      devices[stmt.text(0)] = stmt.int64(1);
    }
    ST_TRY(auto f, db.prepare("SELECT path, id FROM files WHERE run_id = ?"));
    f.bind_all(store::SqlValue{run.value});
    while (true) {
      ST_TRY(bool row, f.step());
      if (!row) break;
      files[f.text(0)] = f.int64(1);
    }
  }
  store::ListingFilter filter;
  filter.run = run;
  ST_CHECK(store::for_each_event(db, filter, [&](store::EventRow&& e) {
    const std::uint64_t mask = selectors.match(e.kind, e.message_id, e.message);
    if (!mask) return;
    auto device = devices.find(e.device);
    if (device == devices.end()) return;
    SelectedEvent s;
    if (e.timestamp) s.time_ms = millis_of(*e.timestamp).value_or(SelectedEvent::kNoTime);
    s.mask = mask;
    s.file_id = files[e.source.file];
    s.offset = e.source.offset;
    s.length = e.source.length;
    s.interface = e.interface.value_or("");
    s.message_id = std::move(e.message_id);
    out[device->second].push_back(std::move(s));
  }));
  return out;
}

}  // namespace st::insights
