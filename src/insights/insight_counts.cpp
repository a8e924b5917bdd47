#include "insights/insight_counts.h"

namespace st::insights {

using store::SqlValue;

Result<std::vector<InsightCountRow>> count_insights(store::Database& db, const InsightCountQuery& query) {
  std::string sql =
      "SELECT i.run_id, r.captured_at, COALESCE(d.site, ''), COALESCE(d.hostname, ''), i.severity, COUNT(*)"
      " FROM insights i JOIN runs r ON r.id = i.run_id LEFT JOIN devices d ON d.id = i.device_id WHERE 1 = 1";
  if (query.device) sql += " AND d.hostname = ?1";
  if (query.site) sql += " AND d.site = ?2";
  sql += " GROUP BY i.run_id, i.device_id, i.severity"
         " ORDER BY r.captured_at, 3, 4, i.run_id,"
         " CASE i.severity WHEN 'critical' THEN 0 WHEN 'major' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END";
  ST_TRY(auto stmt, db.prepare(sql));
  if (query.device) stmt.bind(1, SqlValue{std::string_view(*query.device)});
  if (query.site) stmt.bind(2, SqlValue{std::string_view(*query.site)});
  std::vector<InsightCountRow> rows;
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    InsightCountRow row;
    row.run = RunId{stmt.int64(0)};
    row.captured_at = stmt.optional_text(1);
    row.site = stmt.text(2);
    row.device = stmt.text(3);
    row.severity = severity_from(stmt.text(4)).value_or(Severity::Info);
    row.cards = static_cast<std::size_t>(stmt.int64(5));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace st::insights
