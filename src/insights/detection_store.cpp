#include "insights/detection_store.h"

#include <fmt/format.h>

#include "core/operator_name.h"

namespace st::insights {

using nlohmann::json;
using store::SqlValue;

Result<std::vector<StoredRule>> active_stored_rules(store::Database& db) {
  ST_TRY(auto stmt, db.prepare("SELECT rule_id, version, origin, pack, body, saved_at, saved_by FROM detection_rules"
                               " WHERE active = 1 ORDER BY rule_id, origin"));
  std::vector<StoredRule> out;
  while (true) {
    ST_TRY(bool row, stmt.step());
    if (!row) break;
    StoredRule r;
    r.rule_id = stmt.text(0);
    r.version = static_cast<int>(stmt.int64(1));
    r.origin = stmt.text(2) == "pack" ? RuleOrigin::Pack : RuleOrigin::User;
    r.pack = stmt.optional_text(3);
    r.body = stmt.text(4);
    r.saved_at = stmt.text(5);
    r.saved_by = stmt.text(6);
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<StoredRule>> stored_rule_versions(store::Database& db, const std::string& rule_id) {
  ST_TRY(auto stmt, db.prepare("SELECT rule_id, version, origin, pack, body, saved_at, saved_by, active FROM detection_rules"
                               " WHERE rule_id = ? ORDER BY id DESC"));
  stmt.bind_all(SqlValue{std::string_view(rule_id)});
  std::vector<StoredRule> out;
  while (true) {
    ST_TRY(bool row, stmt.step());
    if (!row) break;
    out.push_back({stmt.text(0), static_cast<int>(stmt.int64(1)), stmt.text(2) == "pack" ? RuleOrigin::Pack : RuleOrigin::User,
                   stmt.optional_text(3), stmt.text(4), stmt.text(5), stmt.text(6), stmt.int64(7) != 0});
  }
  return out;
}

Result<int> save_stored_rule(store::Database& db, const DetectionRule& rule, RuleOrigin origin,
                             const std::optional<std::string>& pack) {
  const std::string origin_name(to_string(origin));
  ST_CHECK(db.exec("SAVEPOINT save_detection_rule"));
  auto body = [&]() -> Result<int> {
    ST_TRY(auto last, db.prepare("SELECT COALESCE(MAX(version), 0) FROM detection_rules WHERE rule_id = ? AND origin = ?"));
    last.bind_all(SqlValue{std::string_view(rule.id)}, SqlValue{std::string_view(origin_name)});
    ST_TRY(bool got, last.step());
    const int version = got ? static_cast<int>(last.int64(0)) + 1 : 1;
    ST_TRY(auto retire, db.prepare("UPDATE detection_rules SET active = 0 WHERE rule_id = ? AND origin = ?"));
    retire.bind_all(SqlValue{std::string_view(rule.id)}, SqlValue{std::string_view(origin_name)});
    ST_CHECK(retire.run());
    ST_TRY(auto insert, db.prepare("INSERT INTO detection_rules (rule_id, version, origin, pack, body, active, saved_at, saved_by)"
                                   " VALUES (?, ?, ?, ?, ?, 1, ?, ?)"));
    const std::string text = rule.body.dump(2);
    const std::string now = utc_now_iso(), who = operator_name();
    insert.bind_all(SqlValue{std::string_view(rule.id)}, SqlValue{std::int64_t{version}}, SqlValue{std::string_view(origin_name)},
                    pack ? SqlValue{std::string_view(*pack)} : SqlValue{nullptr}, SqlValue{std::string_view(text)},
                    SqlValue{std::string_view(now)}, SqlValue{std::string_view(who)});
    ST_CHECK(insert.run());
    return version;
  }();
  if (!body) {
    (void)db.exec("ROLLBACK TO save_detection_rule");
    (void)db.exec("RELEASE save_detection_rule");
    return body;
  }
  ST_CHECK(db.exec("RELEASE save_detection_rule"));
  return body;
}

Result<std::map<std::string, RuleSettings>> rule_settings(store::Database& db) {
  ST_TRY(auto stmt, db.prepare("SELECT rule_id, enabled, params FROM rule_settings"));
  std::map<std::string, RuleSettings> out;
  while (true) {
    ST_TRY(bool row, stmt.step());
    if (!row) break;
    RuleSettings s;
    if (auto e = stmt.optional_int64(1)) s.enabled = *e != 0;
    json params = json::parse(stmt.text(2), nullptr, false);
    if (params.is_object()) {
      for (auto it = params.begin(); it != params.end(); ++it) {
        if (it->is_number()) s.params[it.key()] = it->get<double>();
      }
    }
    out[stmt.text(0)] = std::move(s);
  }
  return out;
}

namespace {

Result<void> upsert_settings(store::Database& db, const std::string& rule_id, std::optional<bool> enabled,
                             std::optional<std::pair<std::string, double>> param) {
  ST_TRY(auto all, rule_settings(db));
  RuleSettings s = all.contains(rule_id) ? all[rule_id] : RuleSettings{};
  if (enabled) s.enabled = enabled;
  if (param) s.params[param->first] = param->second;
  json params = json::object();
  for (const auto& [name, value] : s.params) params[name] = value;
  ST_TRY(auto stmt, db.prepare("INSERT INTO rule_settings (rule_id, enabled, params, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)"
                               " ON CONFLICT(rule_id) DO UPDATE SET enabled = excluded.enabled, params = excluded.params,"
                               " updated_at = excluded.updated_at, updated_by = excluded.updated_by"));
  const std::string text = params.dump(), now = utc_now_iso(), who = operator_name();
  stmt.bind_all(SqlValue{std::string_view(rule_id)},
                s.enabled ? SqlValue{std::int64_t{*s.enabled ? 1 : 0}} : SqlValue{nullptr}, SqlValue{std::string_view(text)},
                SqlValue{std::string_view(now)}, SqlValue{std::string_view(who)});
  return stmt.run();
}

}  // namespace

Result<void> set_rule_enabled(store::Database& db, const std::string& rule_id, bool enabled) {
  return upsert_settings(db, rule_id, enabled, std::nullopt);
}

Result<void> set_rule_param(store::Database& db, const std::string& rule_id, const std::string& name, double value) {
  return upsert_settings(db, rule_id, std::nullopt, std::make_pair(name, value));
}

Result<void> mark_false_positive(store::Database& db, std::int64_t insight, const std::string& note) {
  ST_TRY(auto find, db.prepare("SELECT fingerprint, rule_id FROM insights WHERE id = ?"));
  find.bind_all(SqlValue{insight});
  ST_TRY(bool row, find.step());
  if (!row) return fail(ErrorKind::NotFound, fmt::format("no insight {}", insight));
  const std::string fingerprint = find.text(0), rule = find.text(1);
  ST_TRY(auto stmt, db.prepare("INSERT OR REPLACE INTO finding_feedback (fingerprint, rule_id, verdict, note, created_at, created_by)"
                               " VALUES (?, ?, 'false_positive', ?, ?, ?)"));
  const std::string now = utc_now_iso(), who = operator_name();
  stmt.bind_all(SqlValue{std::string_view(fingerprint)}, SqlValue{std::string_view(rule)},
                note.empty() ? SqlValue{nullptr} : SqlValue{std::string_view(note)}, SqlValue{std::string_view(now)},
                SqlValue{std::string_view(who)});
  return stmt.run();
}

Result<void> clear_feedback(store::Database& db, std::int64_t insight) {
  ST_TRY(auto stmt, db.prepare("DELETE FROM finding_feedback WHERE fingerprint = (SELECT fingerprint FROM insights WHERE id = ?)"));
  stmt.bind_all(SqlValue{insight});
  return stmt.run();
}

Result<std::int64_t> add_suppression(store::Database& db, Suppression s) {
  if (s.ends_at <= s.starts_at) return fail(ErrorKind::Usage, "a suppression must end after it starts");
  ST_TRY(auto stmt, db.prepare("INSERT INTO suppressions (site, device, rule_id, starts_at, ends_at, reason, created_at, created_by)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  s.created_at = utc_now_iso();
  s.created_by = operator_name();
  auto opt = [](const std::optional<std::string>& v) { return v ? SqlValue{std::string_view(*v)} : SqlValue{nullptr}; };
  stmt.bind_all(opt(s.site), opt(s.device), opt(s.rule_id), SqlValue{std::string_view(s.starts_at)},
                SqlValue{std::string_view(s.ends_at)}, SqlValue{std::string_view(s.reason)},
                SqlValue{std::string_view(s.created_at)}, SqlValue{std::string_view(s.created_by)});
  ST_CHECK(stmt.run());
  return db.last_insert_rowid();
}

Result<std::vector<Suppression>> list_suppressions(store::Database& db) {
  ST_TRY(auto stmt, db.prepare("SELECT id, site, device, rule_id, starts_at, ends_at, reason, created_at, created_by"
                               " FROM suppressions ORDER BY starts_at, id"));
  std::vector<Suppression> out;
  while (true) {
    ST_TRY(bool row, stmt.step());
    if (!row) break;
    out.push_back({stmt.int64(0), stmt.optional_text(1), stmt.optional_text(2), stmt.optional_text(3), stmt.text(4),
                   stmt.text(5), stmt.text(6), stmt.text(7), stmt.text(8)});
  }
  return out;
}

Result<void> remove_suppression(store::Database& db, std::int64_t id) {
  ST_TRY(auto stmt, db.prepare("DELETE FROM suppressions WHERE id = ?"));
  stmt.bind_all(SqlValue{id});
  ST_CHECK(stmt.run());
  if (sqlite3_changes(db.handle()) == 0) return fail(ErrorKind::NotFound, fmt::format("no suppression {}", id));
  return {};
}

}  // namespace st::insights
