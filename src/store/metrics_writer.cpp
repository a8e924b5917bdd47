#include "store/metrics_writer.h"

#include <chrono>
#include <cstdio>

#include "core/log.h"

#include "metrics/device_tags.h"
#include "metrics/event_counts.h"
#include "metrics/link_state.h"
#include "metrics/metric_names.h"
#include "metrics/run_deltas.h"
#include "metrics/uptime.h"

namespace st::store {
namespace {

namespace names = metrics::names;

std::optional<parse::UnixSeconds> unix_of_iso(const std::optional<std::string>& iso) {
  return iso ? parse::parse_utc_iso(*iso) : std::nullopt;
}

// The device's latest run captured before this one (by capture time; by run id when a time
// is missing): what deltas, reloads and the syslog cut-off compare with.
struct PreviousRun {
  std::int64_t id = 0;
  std::optional<std::string> captured_at;
  std::optional<std::string> uptime;
};

struct Statements {
  Statement previous, newest_event, logging_captured, counters, insert_metric, insert_tag;
};

Result<Statements> prepare_statements(Database& db) {
  ST_TRY(auto previous, db.prepare(
      "SELECT r.id, r.captured_at, ds.uptime FROM device_snapshots ds JOIN runs r ON r.id = ds.run_id "
      "WHERE ds.device_id = ?1 AND ds.run_id <> ?2 AND "
      "  (CASE WHEN ?3 IS NULL OR r.captured_at IS NULL THEN r.id < ?2 ELSE r.captured_at < ?3 END) "
      "ORDER BY r.captured_at DESC, r.id DESC LIMIT 1"));
  ST_TRY(auto newest_event, db.prepare("SELECT MAX(last_time) FROM event_blocks WHERE run_id = ? AND device_id = ?"));
  ST_TRY(auto logging_captured, db.prepare(
      "SELECT EXISTS (SELECT 1 FROM sections WHERE run_id = ? AND device_id = ? "
      "AND canonical_command = 'show logging' AND status = 'parsed')"));
  ST_TRY(auto counters, db.prepare(
      "SELECT object_key, input_errors, crc FROM interface_counters WHERE run_id = ? AND device_id = ?"));
  ST_TRY(auto insert_metric, db.prepare(
      "INSERT OR REPLACE INTO metrics(run_id, device_id, site, captured_at, metric, value) VALUES (?, ?, ?, ?, ?, ?)"));
  ST_TRY(auto insert_tag, db.prepare("INSERT OR REPLACE INTO device_tags(run_id, device_id, tag) VALUES (?, ?, ?)"));
  return Statements{std::move(previous), std::move(newest_event), std::move(logging_captured), std::move(counters),
                    std::move(insert_metric), std::move(insert_tag)};
}

struct Counters {
  std::map<std::string, std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>>> by_key;  // input, crc
};

Result<Counters> read_counters(Statement& stmt, std::int64_t run, std::int64_t device) {
  stmt.bind_all(SqlValue{run}, SqlValue{device});
  Counters out;
  while (true) {
    ST_TRY(bool row, stmt.step());
    if (!row) break;
    out.by_key[stmt.text(0)] = {stmt.optional_int64(1), stmt.optional_int64(2)};
  }
  stmt.reset();
  return out;
}

// Sum over the interfaces of each counter's growth; nullopt when either run has no value for it.
std::optional<std::int64_t> counter_growth(const Counters& now, const Counters& before, bool crc) {
  std::int64_t sum = 0;
  bool any = false;
  for (const auto& [key, values] : now.by_key) {
    const auto& value = crc ? values.second : values.first;
    if (!value) continue;
    std::optional<std::int64_t> previous;
    if (auto it = before.by_key.find(key); it != before.by_key.end()) previous = crc ? it->second.second : it->second.first;
    sum += metrics::counter_delta(*value, previous);
    any = true;
  }
  if (!any || before.by_key.empty()) return std::nullopt;
  return sum;
}

}  // namespace

void MetricsWriter::observe(std::int64_t device_id, std::string_view site, const HostSnapshot& host) {
  Device& d = devices_[device_id];
  d.site = site;
  if (!host.interfaces.empty()) {
    d.statuses.clear();  // the later status table wins, as for the interface rows
    for (const auto& i : host.interfaces) d.statuses[i.name] = i.status;
  }
  if (host.facts && host.facts->uptime) d.uptime = host.facts->uptime;
  d.events.append(host.counted_events);
}

Result<void> MetricsWriter::write(Database& db, RunId run, const std::function<Result<void>()>& row_written) {
  const auto started = std::chrono::steady_clock::now();
  std::size_t events = 0, rows = 0;
  ST_TRY(auto stmts, prepare_statements(db));
  ST_TRY(auto run_time, db.prepare("SELECT captured_at FROM runs WHERE id = ?"));
  run_time.bind_all(SqlValue{run.value});
  ST_TRY(bool found, run_time.step());
  const std::optional<std::string> captured_at = found ? run_time.optional_text(0) : std::nullopt;
  run_time.reset();
  const auto captured_unix = unix_of_iso(captured_at);

  for (auto& [device_id, d] : devices_) {
    std::map<std::string_view, double> values;

    if (!d.statuses.empty()) {
      std::int64_t up = 0, down = 0, admin_down = 0, err_disabled = 0;
      for (const auto& [name, status] : d.statuses) {
        switch (status ? metrics::link_state(*status) : metrics::LinkState::Unknown) {
          case metrics::LinkState::Up: ++up; break;
          case metrics::LinkState::Down: ++down; break;
          case metrics::LinkState::AdminDown: ++admin_down; break;
          case metrics::LinkState::ErrDisabled: ++err_disabled; break;
          case metrics::LinkState::Unknown: break;
        }
      }
      values[names::kInterfacesUp] = static_cast<double>(up);
      values[names::kInterfacesDown] = static_cast<double>(down);
      values[names::kInterfacesAdminDown] = static_cast<double>(admin_down);
      values[names::kInterfacesErrDisabled] = static_cast<double>(err_disabled);
    }

    std::optional<PreviousRun> previous;
    stmts.previous.bind_all(SqlValue{device_id}, SqlValue{run.value});
    stmts.previous.bind(3, captured_at);
    ST_TRY(bool has_previous, stmts.previous.step());
    if (has_previous) {
      previous = PreviousRun{stmts.previous.int64(0), stmts.previous.optional_text(1), stmts.previous.optional_text(2)};
    }
    stmts.previous.reset();
    std::optional<std::int64_t> elapsed;
    if (previous) {
      const auto before = unix_of_iso(previous->captured_at);
      if (captured_unix && before) elapsed = *captured_unix - *before;
    }

    stmts.logging_captured.bind_all(SqlValue{run.value}, SqlValue{device_id});
    ST_TRY(bool has_row, stmts.logging_captured.step());
    const bool logging_captured = has_row && stmts.logging_captured.int64(0) != 0;
    stmts.logging_captured.reset();
    if (logging_captured) {
      std::optional<parse::UnixSeconds> cutoff;
      if (previous) {
        stmts.newest_event.bind_all(SqlValue{previous->id}, SqlValue{device_id});
        ST_TRY(bool row, stmts.newest_event.step());
        if (row) cutoff = stmts.newest_event.optional_int64(0);
        stmts.newest_event.reset();
      }
      events += d.events.size();
      const metrics::EventCounts counts = metrics::count_events(d.events, cutoff);
      values[names::kPortFlapEvents] = static_cast<double>(counts.port_flaps);
      values[names::kAuthFailureCount] = static_cast<double>(counts.auth_failures);
      values[names::kErrDisableCount] = static_cast<double>(counts.err_disables);
      values[names::kStpTopologyChanges] = static_cast<double>(counts.stp_changes);
      values[names::kPowerEvents] = static_cast<double>(counts.power_events);
      values[names::kPoEFaults] = static_cast<double>(counts.poe_faults);
    }

    if (previous) {
      ST_TRY(Counters now, read_counters(stmts.counters, run.value, device_id));
      ST_TRY(Counters before, read_counters(stmts.counters, previous->id, device_id));
      if (auto input = counter_growth(now, before, false)) values[names::kInputErrorsDelta] = static_cast<double>(*input);
      if (auto crc = counter_growth(now, before, true)) {
        values[names::kCrcErrorsDelta] = static_cast<double>(*crc);
        if (elapsed && *elapsed > 0) values[names::kCrcErrorsPerMinute] = static_cast<double>(*crc) * 60.0 / *elapsed;
      }
      const auto uptime_now = d.uptime ? metrics::uptime_seconds(*d.uptime) : std::nullopt;
      const auto uptime_before = previous->uptime ? metrics::uptime_seconds(*previous->uptime) : std::nullopt;
      if (auto reload = metrics::reloaded(uptime_now, uptime_before, elapsed)) values[names::kReloads] = *reload ? 1 : 0;
    }

    for (const auto& [metric, value] : values) {
      stmts.insert_metric.bind_all(SqlValue{run.value}, SqlValue{device_id}, SqlValue{std::string_view(d.site)});
      stmts.insert_metric.bind(4, captured_at).bind(5, SqlValue{metric}).bind(6, SqlValue{value});
      ST_CHECK(stmts.insert_metric.run());
      ST_CHECK(row_written());
      ++rows;
    }
    for (const auto tag : metrics::device_tags(values)) {
      stmts.insert_tag.bind_all(SqlValue{run.value}, SqlValue{device_id}, SqlValue{tag});
      ST_CHECK(stmts.insert_tag.run());
      ST_CHECK(row_written());
      ++rows;
    }
  }
  ST_LOG_DEBUG("metrics of run {}: {} devices, {} counted events, {} rows in {:.3f} s", run.value, devices_.size(),
               events, rows, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return {};
}

}  // namespace st::store
