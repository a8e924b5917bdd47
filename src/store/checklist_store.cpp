#include "store/checklist_store.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdlib>

namespace st::store {
namespace {

std::optional<std::int64_t> number_of(std::string_view s) {
  std::int64_t n = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (s.empty() || ec != std::errc() || ptr != s.data() + s.size() || n <= 0) return std::nullopt;
  return n;
}

Error not_found(std::string message, std::string hint = {}) {
  return Error{ErrorKind::NotFound, std::move(message), {}, {}, {}, std::move(hint)};
}

Result<std::string> site_of_host(Database& db, const std::string& host, std::int64_t run) {
  ST_TRY(auto stmt, db.prepare("SELECT COALESCE((SELECT site FROM devices WHERE hostname = ?1 ORDER BY id LIMIT 1), "
                               "(SELECT site FROM runs WHERE id = ?2), 'default')"));
  const std::optional<std::string> h = host;
  stmt.reset();
  stmt.bind(1, h).bind(2, SqlValue{run});
  ST_TRY(bool row, stmt.step());
  return row ? stmt.text(0) : std::string("default");
}

}  // namespace

Result<std::string> incident_key(std::string_view typed) {
  std::string_view rest = typed;
  std::string_view kind = "insight";
  if (rest.starts_with("insight:")) {
    rest.remove_prefix(8);
  } else if (rest.starts_with("cluster:")) {
    rest.remove_prefix(8);
    kind = "cluster";
  } else if (rest.starts_with('C') || rest.starts_with('c')) {
    rest.remove_prefix(1);
    kind = "cluster";
  }
  auto n = number_of(rest);
  if (!n) {
    return fail(not_found(fmt::format("'{}' is not an incident id", typed),
                          "an insight's id (12 or insight:12) or a cluster's (C3 or cluster:3), as `insights` and "
                          "`clusters` list them"));
  }
  return fmt::format("{}:{}", kind, *n);
}

Result<IncidentRef> find_incident(Database& db, const std::string& key) {
  const bool cluster = key.starts_with("cluster:");
  auto id = number_of(std::string_view(key).substr(key.find(':') + 1));
  if (!id) return fail(not_found(fmt::format("'{}' is not an incident id", key)));
  IncidentRef ref;
  ref.key = key;
  std::int64_t run = 0;
  if (cluster) {
    ST_TRY(auto stmt, db.prepare("SELECT signature, severity, title, devices, run_id FROM incident_clusters WHERE id = ?1"));
    stmt.reset();
    stmt.bind(1, SqlValue{*id});
    ST_TRY(bool row, stmt.step());
    if (!row) return fail(not_found(fmt::format("no incident cluster C{} in the store", *id), "list them: statetrace-cli clusters"));
    ref.signature = stmt.text(0);
    ref.severity = stmt.text(1);
    ref.title = stmt.text(2);
    auto devices = nlohmann::json::parse(stmt.text(3), nullptr, false);
    if (devices.is_array()) {
      for (const auto& d : devices) {
        if (d.is_string()) ref.devices.push_back(d.get<std::string>());
      }
    }
    run = stmt.int64(4);
  } else {
    ST_TRY(auto stmt, db.prepare("SELECT i.signature, i.severity, i.title, d.hostname, d.site, i.run_id FROM insights i "
                                 "LEFT JOIN devices d ON d.id = i.device_id WHERE i.id = ?1"));
    stmt.reset();
    stmt.bind(1, SqlValue{*id});
    ST_TRY(bool row, stmt.step());
    if (!row) return fail(not_found(fmt::format("no insight {} in the store", *id), "list them: statetrace-cli insights"));
    ref.signature = stmt.text(0);
    ref.severity = stmt.text(1);
    ref.title = stmt.text(2);
    if (auto host = stmt.optional_text(3)) ref.devices.push_back(*host);
    if (auto site = stmt.optional_text(4)) ref.site = *site;
    run = stmt.int64(5);
  }
  if (ref.site.empty()) {
    ST_TRY(ref.site, site_of_host(db, ref.devices.empty() ? std::string() : ref.devices.front(), run));
  }
  return ref;
}

Result<std::vector<ChecklistMark>> checklist_marks(Database& db, const std::string& incident, const std::string& device) {
  ST_TRY(auto stmt, db.prepare("SELECT item, done, updated_by, updated_at, note FROM checklist_progress "
                               "WHERE incident = ?1 AND device = ?2 ORDER BY item"));
  const std::optional<std::string> i = incident, d = device;
  stmt.reset();
  stmt.bind(1, i).bind(2, d);
  std::vector<ChecklistMark> marks;
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    marks.push_back(ChecklistMark{stmt.text(0), stmt.int64(1) != 0, stmt.text(2), stmt.text(3), stmt.optional_text(4)});
  }
  return marks;
}

Result<void> save_checklist_mark(Database& db, const std::string& incident, const std::string& device,
                                 const ChecklistMark& mark) {
  ST_TRY(auto stmt, db.prepare(
      "INSERT INTO checklist_progress(incident, device, item, done, updated_by, updated_at, note) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(incident, device, item) DO UPDATE SET "
      "done = excluded.done, updated_by = excluded.updated_by, updated_at = excluded.updated_at, "
      "note = COALESCE(excluded.note, checklist_progress.note)"));
  const std::optional<std::string> i = incident, d = device, item = mark.item, by = mark.updated_by, at = mark.updated_at;
  stmt.reset();
  stmt.bind(1, i).bind(2, d).bind(3, item).bind(4, SqlValue{std::int64_t{mark.done ? 1 : 0}}).bind(5, by).bind(6, at)
      .bind(7, mark.note);
  return stmt.run();
}

}  // namespace st::store
