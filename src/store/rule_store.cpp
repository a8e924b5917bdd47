#include "store/rule_store.h"

#include "core/operator_name.h"

#include <fmt/format.h>

#include <chrono>
#include <ctime>

#include "util/sha256.h"

namespace st::store {

namespace {

constexpr std::string_view kColumns = "rule_id, version, origin, pack, rule_json, checksum, saved_at, note";

StoredRule read_row(const Statement& s) {
  return StoredRule{s.text(0), s.int64(1), s.text(2), s.optional_text(3), s.text(4), s.text(5), s.text(6), s.text(7)};
}

Result<std::vector<StoredRule>> collect(Statement& stmt) {
  std::vector<StoredRule> rows;
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    rows.push_back(read_row(stmt));
  }
  return rows;
}

}  // namespace

Result<std::int64_t> save_rule_version(Database& db, const RuleSave& save) {
  ST_TRY(auto next, db.prepare("SELECT COALESCE(MAX(version), 0) + 1 FROM parser_rules WHERE rule_id = ?1"));
  const std::optional<std::string> id = save.rule_id;
  next.reset();
  next.bind(1, id);
  ST_TRY(bool row, next.step());
  if (!row) return fail(ErrorKind::Internal, "no next version");
  const std::int64_t version = next.int64(0);
  ST_TRY(auto insert, db.prepare(fmt::format("INSERT INTO parser_rules({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", kColumns)));
  const std::optional<std::string> origin = save.origin, json = save.rule_json, checksum = util::sha256_hex(save.rule_json),
                                   saved_at = utc_now_iso(), note = save.note;
  insert.reset();
  insert.bind(1, id).bind(2, SqlValue{version}).bind(3, origin).bind(4, save.pack).bind(5, json).bind(6, checksum)
      .bind(7, saved_at).bind(8, note);
  ST_CHECK(insert.run());
  return version;
}

Result<std::vector<StoredRule>> current_rules(Database& db) {
  ST_TRY(auto stmt, db.prepare(fmt::format(
      "SELECT {} FROM parser_rules p WHERE version = (SELECT MAX(version) FROM parser_rules q WHERE q.rule_id = p.rule_id) "
      "ORDER BY rule_id", kColumns)));
  return collect(stmt);
}

Result<std::optional<StoredRule>> current_rule(Database& db, const std::string& rule_id) {
  ST_TRY(auto rows, rule_history(db, rule_id));
  if (rows.empty()) return std::optional<StoredRule>{};
  return std::optional<StoredRule>{rows.back()};
}

Result<std::vector<StoredRule>> rule_history(Database& db, const std::string& rule_id) {
  ST_TRY(auto stmt, db.prepare(fmt::format("SELECT {} FROM parser_rules WHERE rule_id = ?1 ORDER BY version", kColumns)));
  const std::optional<std::string> id = rule_id;
  stmt.reset();
  stmt.bind(1, id);
  return collect(stmt);
}

Result<std::int64_t> rollback_rule(Database& db, const std::string& rule_id, std::int64_t version) {
  ST_TRY(auto history, rule_history(db, rule_id));
  for (const auto& v : history) {
    if (v.version != version) continue;
    return save_rule_version(db, RuleSave{rule_id, v.rule_json, v.origin, v.pack,
                                          fmt::format("rollback to version {}", version)});
  }
  return fail(Error{ErrorKind::NotFound, fmt::format("rule '{}' has no version {}", rule_id, version), {}, {}, {},
                    history.empty() ? "parsers list shows the stored rules" : fmt::format("versions 1 to {}", history.back().version)});
}

}  // namespace st::store
