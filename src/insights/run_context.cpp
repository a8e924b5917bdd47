#include "insights/run_context.h"

#include "diff/stored_diff.h"
#include "parse/event_kind.h"

namespace st::insights {

using store::SqlValue;

Result<std::unique_ptr<RunContext>> RunContext::load(store::Database& db, RunId run, RunEvents events) {
  std::unique_ptr<RunContext> ctx(new RunContext(db, run));
  {
    ST_TRY(auto stmt, db.prepare("SELECT captured_at FROM runs WHERE id = ?"));
    stmt.bind_all(SqlValue{run.value});
    ST_TRY(bool row, stmt.step());
    if (!row) return fail(ErrorKind::NotFound, "no run " + std::to_string(run.value));
    ctx->captured_at_ = stmt.optional_text(0);
  }
  ST_TRY(auto devices, db.prepare(
                           "SELECT d.id, d.hostname, d.site, COALESCE(s.platform, ''),"
                           " (SELECT MAX(p.run_id) FROM device_snapshots p WHERE p.device_id = d.id AND p.run_id < s.run_id)"
                           " FROM device_snapshots s JOIN devices d ON d.id = s.device_id WHERE s.run_id = ?"
                           " ORDER BY d.site, d.hostname"));
  ST_TRY(auto last_time, db.prepare("SELECT MAX(last_time) FROM event_blocks WHERE run_id = ? AND device_id = ?"));
  devices.bind_all(SqlValue{run.value});
  while (true) {
    ST_TRY(bool row, devices.step());
    if (!row) break;
    RunDevice d;
    d.id = devices.int64(0);
    d.hostname = devices.text(1);
    d.site = devices.text(2);
    d.platform = devices.text(3);
    d.vendor = std::string(parse::vendor_of_platform(d.platform));
    d.previous_run = devices.optional_int64(4);
    if (d.previous_run) {
      last_time.bind_all(SqlValue{*d.previous_run}, SqlValue{d.id});
      ST_TRY(bool got, last_time.step());
      if (got) d.events_after = last_time.optional_int64(0);
    }
    ctx->devices_.push_back(std::move(d));
  }
  // Only what is new since the previous capture stays: the same flap must not raise a card
  // in every run whose log buffer still holds it.
  for (const auto& d : ctx->devices_) {
    auto it = events.find(d.id);
    if (it == events.end() || !d.previous_run) continue;
    std::erase_if(it->second, [&](const SelectedEvent& e) {
      if (!e.has_time()) return d.events_after.has_value();
      return d.events_after && e.time_ms / 1000 <= *d.events_after;
    });
  }
  ctx->events_ = std::move(events);
  return ctx;
}

const std::vector<SelectedEvent>& RunContext::events(std::int64_t device) const {
  static const std::vector<SelectedEvent> kNone;
  auto it = events_.find(device);
  return it == events_.end() ? kNone : it->second;
}

Result<const std::vector<diff::ObjectChange>*> RunContext::changes(const std::string& kind) {
  if (auto it = changes_.find(kind); it != changes_.end()) return &it->second;
  diff::DiffOptions options;
  if (const auto* k = diff::diff_kind_by_name(kind)) options.kinds.push_back(k);
  ST_TRY(auto list, diff::diff_since_previous(db_, run_, options));
  return &(changes_[kind] = std::move(list));
}

Result<const rules::DeviceCoverage*> RunContext::coverage(const std::string& hostname) {
  if (!coverage_) {
    store::ListingFilter filter;
    filter.run = run_;
    ST_TRY(auto all, rules::command_coverage(db_, filter));
    coverage_ = std::move(all);
  }
  for (const auto& c : *coverage_) {
    if (c.hostname == hostname) return &c;
  }
  return nullptr;
}

Result<std::int64_t> RunContext::file_id(RunId run, const std::string& path) {
  auto key = std::make_pair(run.value, path);
  if (auto it = file_ids_.find(key); it != file_ids_.end()) return it->second;
  ST_TRY(auto stmt, db_.prepare("SELECT id FROM files WHERE run_id = ? AND path = ?"));
  stmt.bind_all(SqlValue{run.value}, SqlValue{std::string_view(path)});
  ST_TRY(bool row, stmt.step());
  if (!row) return fail(ErrorKind::NotFound, "no file " + path + " in run " + std::to_string(run.value));
  return file_ids_[key] = stmt.int64(0);
}

Result<const std::vector<RunContext::KindObject>*> RunContext::objects_of(const diff::DiffKind& kind, std::int64_t device) {
  auto key = std::make_pair(kind.name, device);
  if (auto it = objects_.find(key); it != objects_.end()) return &it->second;
  ST_TRY(auto loaded, reader_.read(kind, run_, device));
  auto& list = objects_[key];
  list.reserve(loaded.size());
  for (auto& [object_key, object] : loaded) list.push_back({object_key, diff::values_json(kind, object), object.source});
  return &list;
}

Result<const std::map<std::string, std::string>*> RunContext::port_types(std::int64_t device) {
  if (auto it = port_types_.find(device); it != port_types_.end()) return &it->second;
  ST_TRY(auto stmt, db_.prepare("SELECT name, port_type FROM interfaces WHERE run_id = ? AND device_id = ? AND port_type IS NOT NULL"));
  stmt.bind_all(SqlValue{run_.value}, SqlValue{device});
  auto& types = port_types_[device];
  while (true) {
    ST_TRY(bool row, stmt.step());
    if (!row) break;
    types[stmt.text(0)] = stmt.text(1);
  }
  return &types;
}

}  // namespace st::insights
