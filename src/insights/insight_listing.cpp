#include "insights/insight_listing.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "store/raw_reader.h"

namespace st::insights {

using nlohmann::json;
using store::SqlValue;

namespace {

std::string trim_line_end(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// Evidence rows of one card, in order, with their file paths (and bytes when asked).
Result<std::vector<EvidenceLine>> evidence_of(store::Database& db, std::int64_t insight, bool with_text,
                                              store::Statement& stmt) {
  stmt.bind_all(SqlValue{insight});
  std::vector<EvidenceLine> out;
  std::vector<RunId> runs;
  while (true) {
    ST_TRY(bool row, stmt.step());
    if (!row) break;
    EvidenceLine e;
    e.source.file = stmt.text(0);
    e.source.offset = static_cast<std::uint64_t>(stmt.int64(1));
    e.source.length = static_cast<std::uint64_t>(stmt.int64(2));
    runs.push_back(RunId{stmt.int64(3)});
    out.push_back(std::move(e));
  }
  if (with_text) {
    for (std::size_t i = 0; i < out.size(); ++i) {
      // A removed object's evidence lies in the previous run's file.
      ST_TRY(auto bytes, store::read_raw(db, runs[i], out[i].source.file, {out[i].source.offset, out[i].source.length}));
      out[i].text = trim_line_end(std::move(bytes));
    }
  }
  return out;
}

}  // namespace

Result<std::vector<InsightRow>> list_insights(store::Database& db, const InsightQuery& query) {
  std::string sql =
      "SELECT i.id, i.run_id, COALESCE(d.hostname, ''), COALESCE(d.site, ''), i.rule_id, i.rule_origin, i.signature,"
      " i.severity, i.title, i.summary, i.objects, i.first_seen, i.last_seen, i.evidence_count, i.missing_commands,"
      " i.fingerprint, i.cluster_id, f.verdict, f.note, f.created_by, i.suppression_id, s.reason, s.ends_at"
      " FROM insights i LEFT JOIN devices d ON d.id = i.device_id"
      " LEFT JOIN finding_feedback f ON f.fingerprint = i.fingerprint"
      " LEFT JOIN suppressions s ON s.id = i.suppression_id WHERE 1 = 1";
  if (query.run) {
    sql += " AND i.run_id = ?1";
  } else {
    sql += " AND i.run_id = (SELECT MAX(ds.run_id) FROM device_snapshots ds WHERE ds.device_id = i.device_id)";
  }
  if (query.device) sql += " AND d.hostname = ?2";
  if (query.id) sql += " AND i.id = ?3";
  sql += " ORDER BY CASE i.severity WHEN 'critical' THEN 0 WHEN 'major' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END,"
         " d.site, d.hostname, i.rule_id, i.id";
  ST_TRY(auto stmt, db.prepare(sql));
  if (query.run) stmt.bind(1, SqlValue{query.run->value});
  if (query.device) stmt.bind(2, SqlValue{std::string_view(*query.device)});
  if (query.id) stmt.bind(3, SqlValue{*query.id});
  ST_TRY(auto evidence, db.prepare("SELECT f.path, e.offset, e.length, f.run_id FROM insight_evidence e"
                                   " JOIN files f ON f.id = e.file_id WHERE e.insight_id = ? ORDER BY e.seq"));
  std::vector<InsightRow> out;
  while (true) {
    ST_TRY(bool row, stmt.step());
    if (!row) break;
    InsightRow r;
    r.severity = severity_from(stmt.text(7)).value_or(Severity::Info);
    if (rank(r.severity) < rank(query.min_severity)) continue;
    r.id = stmt.int64(0);
    r.run = RunId{stmt.int64(1)};
    r.device = stmt.text(2);
    r.site = stmt.text(3);
    r.rule = stmt.text(4);
    r.rule_origin = stmt.text(5);
    r.signature = stmt.text(6);
    r.title = stmt.text(8);
    r.summary = stmt.text(9);
    r.objects = json::parse(stmt.text(10)).get<std::vector<std::string>>();
    r.first_seen = stmt.optional_text(11);
    r.last_seen = stmt.optional_text(12);
    r.evidence_count = static_cast<std::size_t>(stmt.int64(13));
    for (const auto& m : json::parse(stmt.text(14))) {
      r.missing_commands.push_back({m.value("command", ""), m.value("syntax", "")});
    }
    r.fingerprint = stmt.text(15);
    r.cluster = stmt.optional_int64(16);
    r.false_positive = stmt.optional_text(17).has_value();
    r.feedback_note = stmt.optional_text(18);
    r.feedback_by = stmt.optional_text(19);
    r.suppression = stmt.optional_int64(20);
    r.suppression_reason = stmt.optional_text(21);
    r.suppressed_until = stmt.optional_text(22);
    out.push_back(std::move(r));
  }
  for (auto& r : out) {
    ST_TRY(r.evidence, evidence_of(db, r.id, query.evidence_text, evidence));
  }
  return out;
}

Result<std::vector<ClusterRow>> list_clusters(store::Database& db, std::optional<RunId> run) {
  if (!run) {
    ST_TRY(auto latest, db.prepare("SELECT MAX(id) FROM runs"));
    ST_TRY(bool got, latest.step());
    if (!got || latest.is_null(0)) return std::vector<ClusterRow>{};
    run = RunId{latest.int64(0)};
  }
  ST_TRY(auto stmt, db.prepare("SELECT id, run_id, pattern, signature, severity, title, summary, devices, first_seen, last_seen"
                               " FROM incident_clusters WHERE run_id = ?"
                               " ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'major' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END,"
                               " first_seen, id"));
  stmt.bind_all(SqlValue{run->value});
  std::vector<ClusterRow> out;
  while (true) {
    ST_TRY(bool row, stmt.step());
    if (!row) break;
    ClusterRow c;
    c.id = stmt.int64(0);
    c.run = RunId{stmt.int64(1)};
    c.pattern = stmt.text(2);
    c.signature = stmt.text(3);
    c.severity = severity_from(stmt.text(4)).value_or(Severity::Info);
    c.title = stmt.text(5);
    c.summary = stmt.text(6);
    c.devices = json::parse(stmt.text(7)).get<std::vector<std::string>>();
    c.first_seen = stmt.optional_text(8);
    c.last_seen = stmt.optional_text(9);
    out.push_back(std::move(c));
  }
  ST_TRY(auto members, db.prepare("SELECT id FROM insights WHERE cluster_id = ? ORDER BY first_seen, id"));
  ST_TRY(auto evidence, db.prepare("SELECT f.path, e.offset, e.length, f.run_id FROM insight_evidence e"
                                   " JOIN files f ON f.id = e.file_id WHERE e.insight_id = ? AND e.seq < 3 ORDER BY e.seq"));
  for (auto& c : out) {
    members.bind_all(SqlValue{c.id});
    while (true) {
      ST_TRY(bool row, members.step());
      if (!row) break;
      c.insights.push_back(members.int64(0));
    }
    for (auto id : c.insights) {
      ST_TRY(auto lines, evidence_of(db, id, true, evidence));
      for (auto& l : lines) c.evidence.push_back(std::move(l));
    }
  }
  return out;
}

}  // namespace st::insights
