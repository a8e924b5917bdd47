#include "store/metric_listing.h"

namespace st::store {
namespace {

// The WHERE clauses and their values for the device, site and time filters; `table` is the
// alias of a table with device_id, run_id (and, for metrics, site and captured_at).
struct Where {
  std::string sql;
  std::vector<std::string> values;

  void add(std::string clause, const std::string& value) {
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += clause;
    values.push_back(value);
  }
  void bind(Statement& stmt) const {
    stmt.reset();
    for (std::size_t i = 0; i < values.size(); ++i) stmt.bind(static_cast<int>(i + 1), SqlValue{std::string_view(values[i])});
  }
};

Where where_of(const MetricQuery& q, bool with_metric) {
  Where w;
  if (q.device) w.add("m.device_id IN (SELECT id FROM devices WHERE hostname = ?)", *q.device);
  if (q.site) w.add("m.site = ?", *q.site);
  if (with_metric && q.metric) w.add("m.metric = ?", *q.metric);
  if (q.since) w.add("m.captured_at >= ?", *q.since);
  return w;
}

}  // namespace

Result<std::vector<MetricRow>> list_metrics(Database& db, const MetricQuery& query) {
  if (!query.metric) return fail(ErrorKind::Usage, "list_metrics needs a metric name");
  const Where w = where_of(query, true);
  ST_TRY(auto stmt, db.prepare("SELECT m.run_id, m.captured_at, m.site, d.hostname, m.metric, m.value "
                               "FROM metrics m JOIN devices d ON d.id = m.device_id" + w.sql +
                               " ORDER BY m.captured_at, m.site, d.hostname, m.run_id"));
  w.bind(stmt);
  std::vector<MetricRow> rows;
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    rows.push_back(MetricRow{RunId{stmt.int64(0)}, stmt.optional_text(1), stmt.text(2), stmt.text(3), stmt.text(4),
                             stmt.real(5)});
  }
  return rows;
}

Result<std::vector<std::string>> list_metric_names(Database& db, const MetricQuery& query) {
  const Where w = where_of(query, false);
  ST_TRY(auto stmt, db.prepare("SELECT DISTINCT m.metric FROM metrics m" + w.sql + " ORDER BY m.metric"));
  w.bind(stmt);
  std::vector<std::string> names;
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    names.push_back(stmt.text(0));
  }
  return names;
}

Result<std::vector<TagRow>> list_device_tags(Database& db, const MetricQuery& query) {
  Where w;
  if (query.device) w.add("t.device_id IN (SELECT id FROM devices WHERE hostname = ?)", *query.device);
  if (query.site) w.add("d.site = ?", *query.site);
  if (query.since) w.add("r.captured_at >= ?", *query.since);
  ST_TRY(auto stmt, db.prepare("SELECT t.run_id, r.captured_at, d.site, d.hostname, t.tag FROM device_tags t "
                               "JOIN devices d ON d.id = t.device_id JOIN runs r ON r.id = t.run_id" + w.sql +
                               " ORDER BY r.captured_at, d.site, d.hostname, t.run_id, t.tag"));
  w.bind(stmt);
  std::vector<TagRow> rows;
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    rows.push_back(TagRow{RunId{stmt.int64(0)}, stmt.optional_text(1), stmt.text(2), stmt.text(3), stmt.text(4)});
  }
  return rows;
}

}  // namespace st::store
