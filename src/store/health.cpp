#include "store/health.h"

#include <fmt/format.h>

namespace st::store {
namespace {

// Statement reads integers and text: parse times travel as whole microseconds.
constexpr std::string_view kTelemetrySums =
    "CAST(ROUND(COALESCE(SUM(t.parse_seconds), 0) * 1000000) AS INTEGER), "
    "COALESCE(SUM(t.parsed), 0), COALESCE(SUM(t.unknown), 0), COALESCE(SUM(t.failed), 0)";

double seconds_at(const Statement& s, int column) { return static_cast<double>(s.int64(column)) / 1e6; }

SectionCounts counts_at(const Statement& s, int first) {
  return SectionCounts{s.int64(first), s.int64(first + 1), s.int64(first + 2)};
}

std::string run_totals_sql(std::string_view where) {
  return fmt::format(
      "SELECT r.id, r.bundle, r.site, r.ingested_at, r.captured_at, "
      "       (SELECT COUNT(*) FROM files f WHERE f.run_id = r.id), "
      "       (SELECT COUNT(*) FROM device_snapshots ds WHERE ds.run_id = r.id), "
      "       (SELECT COALESCE(SUM(f.size), 0) FROM files f WHERE f.run_id = r.id), "
      "       {} "
      "FROM runs r LEFT JOIN ingest_telemetry t ON t.run_id = r.id {} "
      "GROUP BY r.id ORDER BY r.id",
      kTelemetrySums, where);
}

RunHealth run_at(const Statement& s) {
  RunHealth run;
  run.run = RunId{s.int64(0)};
  run.bundle = s.text(1);
  run.site = s.optional_text(2);
  run.ingested_at = s.text(3);
  run.captured_at = s.optional_text(4);
  run.files = s.int64(5);
  run.devices = s.int64(6);
  run.bytes = static_cast<std::uint64_t>(s.int64(7));
  run.parse_seconds = seconds_at(s, 8);
  run.sections = counts_at(s, 9);
  return run;
}

}  // namespace

Result<std::vector<RunHealth>> list_run_health(Database& db) {
  ST_TRY(auto stmt, db.prepare(run_totals_sql("")));
  std::vector<RunHealth> runs;
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    runs.push_back(run_at(stmt));
  }
  return runs;
}

Result<std::vector<FileHealth>> list_run_files(Database& db, RunId run) {
  ST_TRY(auto stmt, db.prepare(fmt::format(
      "SELECT f.id, f.path, f.size, f.sha256, COUNT(DISTINCT t.device_id), {} "
      "FROM files f LEFT JOIN ingest_telemetry t ON t.file_id = f.id "
      "WHERE f.run_id = ?1 GROUP BY f.id ORDER BY f.path",
      kTelemetrySums)));
  stmt.bind_all(SqlValue{run.value});
  std::vector<FileHealth> files;
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    files.push_back(FileHealth{FileId{stmt.int64(0)}, stmt.text(1), static_cast<std::uint64_t>(stmt.int64(2)),
                               stmt.optional_text(3), stmt.int64(4), seconds_at(stmt, 5), counts_at(stmt, 6)});
  }
  return files;
}

Result<RunHealthReport> run_health(Database& db, RunId run) {
  RunHealthReport report;
  {
    ST_TRY(auto stmt, db.prepare(run_totals_sql("WHERE r.id = ?1")));
    stmt.bind_all(SqlValue{run.value});
    ST_TRY(bool found, stmt.step());
    if (!found) {
      return fail(Error{ErrorKind::NotFound, fmt::format("there is no run {}", run.value), {}, {}, {},
                        "list the runs with: statetrace-cli runs"});
    }
    report.summary = run_at(stmt);
  }
  ST_TRY(report.files, list_run_files(db, run));
  {
    ST_TRY(auto stmt, db.prepare(
        "SELECT d.hostname, f.path, t.bytes, CAST(ROUND(t.parse_seconds * 1000000) AS INTEGER), "
        "       t.parsed, t.unknown, t.failed "
        "FROM ingest_telemetry t JOIN files f ON f.id = t.file_id LEFT JOIN devices d ON d.id = t.device_id "
        "WHERE t.run_id = ?1 ORDER BY f.path, d.hostname IS NOT NULL, d.hostname"));
    stmt.bind_all(SqlValue{run.value});
    while (true) {
      ST_TRY(bool more, stmt.step());
      if (!more) break;
      report.devices.push_back(DeviceHealth{stmt.optional_text(0), stmt.text(1),
                                            static_cast<std::uint64_t>(stmt.int64(2)), seconds_at(stmt, 3),
                                            counts_at(stmt, 4)});
    }
  }
  {
    ST_TRY(auto stmt, db.prepare(
        "SELECT d.hostname, s.command, s.canonical_command, s.filter, s.status, s.reason, s.parser, f.path, s.offset, "
        "       s.length "
        "FROM sections s LEFT JOIN devices d ON d.id = s.device_id JOIN files f ON f.id = s.file_id "
        "WHERE s.run_id = ?1 AND s.status <> 'parsed' ORDER BY f.path, s.offset"));
    stmt.bind_all(SqlValue{run.value});
    while (true) {
      ST_TRY(bool more, stmt.step());
      if (!more) break;
      report.issues.push_back(SectionRow{run, stmt.optional_text(0), stmt.text(1), stmt.optional_text(2),
                                         stmt.optional_text(3), stmt.text(4), stmt.optional_text(5),
                                         stmt.optional_text(6),
                                         SourceRef{stmt.text(7), static_cast<std::uint64_t>(stmt.int64(8)),
                                                   static_cast<std::uint64_t>(stmt.int64(9))}});
    }
  }
  return report;
}

}  // namespace st::store
