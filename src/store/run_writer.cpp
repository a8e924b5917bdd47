#include "store/run_writer.h"

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/content_hash.h"
#include "diff/diff_kind.h"
#include "diff/snapshot_digest.h"
#include "diff/stored_diff.h"
#include "insights/detection_run.h"
#include "insights/detection_store.h"
#include "model/auth_template.h"
#include "model/location.h"
#include "model/object_key.h"
#include "model/port_facts.h"
#include "rules/compliance_templates.h"
#include "store/fault_injection.h"
#include "store/metrics_writer.h"
#include "store/retention.h"

namespace st::store {
namespace {

SqlValue text(std::string_view s) { return SqlValue{s}; }
SqlValue integer(std::uint64_t v) { return SqlValue{static_cast<std::int64_t>(v)}; }
SqlValue integer(std::int64_t v) { return SqlValue{v}; }
SqlValue optional_integer(const std::optional<std::int64_t>& v) { return v ? SqlValue{*v} : SqlValue{nullptr}; }

Error cancelled() { return Error{ErrorKind::Cancelled, "ingest cancelled; nothing was stored", {}, {}, {}, {}}; }

// The latest of one kind of time seen so far, with its printed-precision ISO text.
struct Latest {
  std::optional<parse::UnixSeconds> seconds;
  std::string iso;
  void offer(const parse::ResolvedTime& t) {
    if (t.unix_seconds && t.utc_iso && (!seconds || *t.unix_seconds > *seconds)) {
      seconds = t.unix_seconds;
      iso = *t.utc_iso;
    }
  }
  void offer(parse::UnixSeconds s) {
    if (!seconds || s > *seconds) {
      seconds = s;
      iso = parse::format_utc_iso(s);
    }
  }
};

// An interface row already written, for the port facts worked out at commit.
struct WrittenInterface {
  std::string hash;
};

struct DeviceState {
  std::int64_t id = 0;
  std::string hostname;
  std::string site;
  std::optional<std::string> zone;
  std::string platform;
  std::string hostname_source = "prompt";
  std::optional<parse::DeviceFacts> facts;
  std::int64_t facts_file_id = 0;
  std::optional<parse::ConfigFacts> config;
  // What the port facts are derived from, collected over the run's files.
  model::DeviceObservations observed;
  std::map<std::string, WrittenInterface> interfaces;  // by canonical name
  std::map<std::string, std::int64_t> config_file;     // interface -> file of its config stanza
  std::set<std::string, std::less<>> complete_kinds;   // captured whole, maybe empty (diff digests)
  // Object key -> the values written under it, so a second command's row of the same
  // object (show switch and show version both give a stack member) fills, not blanks, it.
  std::unordered_map<std::string, std::vector<std::optional<std::string>>> object_values;
};

}  // namespace

struct RunWriter::State {
  State(Database& d, RunHeader h, PlaceOf p, const std::atomic<bool>* c)
      : db(d), header(std::move(h)), place_of(std::move(p)), cancel(c), faults(FaultInjector::from_environment()) {}

  Database& db;
  RunHeader header;
  PlaceOf place_of;
  const std::atomic<bool>* cancel;
  FaultInjector faults;
  MetricsWriter metrics;  // per device metrics and tags, written at commit
  insights::RunEvents selected_events;  // what the detection rules read, by device id
  std::optional<Transaction> tx;
  RunId run;
  RunTotals totals;
  std::vector<DeviceState> devices;
  std::unordered_map<std::string, std::size_t> device_by_host;
  Latest latest_clock, latest_event, latest_mtime;
  std::optional<Statement> file, chunk, find_device, insert_device, interface, event, record, section, warning,
      telemetry;
  std::vector<Statement> object_inserts;  // by object kind, in model::object_kinds() order
  std::string key;  // reused per row: most rows need one short key

  Result<void> row_written() {
    faults.on_row();
    ++totals.rows;
    if (cancel && cancel->load(std::memory_order_relaxed)) return fail(cancelled());
    return {};
  }

  Result<void> prepare_all() {
    ST_TRY(file, db.prepare("INSERT INTO files(run_id, path, size, mtime, sha256) VALUES (?, ?, ?, ?, ?)"));
    ST_TRY(chunk, db.prepare("INSERT INTO file_chunks(file_id, seq, raw_offset, raw_length, codec, data) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    ST_TRY(find_device, db.prepare("SELECT id FROM devices WHERE site = ? AND hostname = ?"));
    ST_TRY(insert_device, db.prepare("INSERT INTO devices(site, hostname) VALUES (?, ?)"));
    // A capture may show the same table twice; the later output wins.
    ST_TRY(interface, db.prepare(
        "INSERT OR REPLACE INTO interfaces(run_id, device_id, object_key, content_hash, file_id, offset, length, "
        "name, name_raw, status, vlan, duplex, speed, type, description) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    ST_TRY(event, db.prepare(
        "INSERT INTO event_blocks(run_id, device_id, file_id, first_offset, end_offset, event_count, first_time, "
        "last_time, kinds, codec, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    ST_TRY(record, db.prepare(
        "INSERT INTO records(run_id, device_id, object_key, content_hash, file_id, offset, length, command, parser, "
        "row_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    ST_TRY(section, db.prepare(
        "INSERT INTO sections(run_id, device_id, file_id, offset, length, output_offset, prompt, command, "
        "canonical_command, filter, status, reason, parser, record_count) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    ST_TRY(warning, db.prepare("INSERT INTO parse_warnings(run_id, section_id, file_id, offset, length, message) "
                               "VALUES (?, ?, ?, ?, ?, ?)"));
    for (const auto& kind : model::object_kinds()) {
      std::string columns, marks;
      for (const auto& c : kind.columns) {
        columns += fmt::format(", \"{}\"", c.name);
        marks += ", ?";
      }
      // A capture may show the same table twice; the later output wins.
      ST_TRY(auto stmt, db.prepare(fmt::format(
          "INSERT OR REPLACE INTO {}(run_id, device_id, object_key, content_hash, file_id, offset, length{}) "
          "VALUES (?, ?, ?, ?, ?, ?, ?{})", kind.table, columns, marks)));
      object_inserts.push_back(std::move(stmt));
    }
    ST_TRY(telemetry, db.prepare(
        "INSERT INTO ingest_telemetry(run_id, file_id, device_id, bytes, parse_seconds, parsed, unknown, failed) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    return {};
  }

  Result<std::size_t> device_for(const HostSnapshot& host) {
    auto [it, inserted] = device_by_host.try_emplace(host.hostname, devices.size());
    if (!inserted) return it->second;
    DeviceState d;
    d.hostname = host.hostname;
    HostPlace place = place_of(host.hostname);
    d.site = std::move(place.site);
    d.zone = std::move(place.zone);
    d.platform = host.platform;
    d.hostname_source = host.hostname_source;
    find_device->bind_all(text(d.site), text(d.hostname));
    ST_TRY(bool found, find_device->step());
    if (found) {
      d.id = find_device->int64(0);
      find_device->reset();
    } else {
      find_device->reset();
      insert_device->bind_all(text(d.site), text(d.hostname));
      ST_CHECK(insert_device->run());
      d.id = db.last_insert_rowid();
      ST_CHECK(row_written());
    }
    devices.push_back(std::move(d));
    totals.devices = devices.size();
    return it->second;
  }

  Result<void> add(const FileBatch& b) {
    if (cancel && cancel->load()) return fail(cancelled());
    file->bind_all(integer(run.value), text(b.path), integer(b.size));
    file->bind(4, b.mtime_iso).bind(5, b.sha256.empty() ? SqlValue{nullptr} : text(b.sha256));
    ST_CHECK(file->run());
    const std::int64_t file_id = db.last_insert_rowid();
    ST_CHECK(row_written());
    std::int64_t seq = 0;
    for (const auto& c : b.chunks) {
      chunk->bind_all(integer(file_id), integer(seq++), integer(c.raw_offset), integer(c.raw_length), text(c.codec),
                      SqlValue{Blob{c.data}});
      ST_CHECK(chunk->run());
      ST_CHECK(row_written());
    }
    if (b.mtime_unix) latest_mtime.offer(*b.mtime_unix);

    std::vector<std::int64_t> device_ids;
    for (const auto& host : b.hosts) {
      ST_TRY(std::size_t index, device_for(host));
      DeviceState& d = devices[index];
      device_ids.push_back(d.id);
      if (host.facts) {
        d.facts = host.facts;
        d.facts_file_id = file_id;
      }
      if (host.config) d.config = host.config;
      if (host.clock_time) latest_clock.offer(*host.clock_time);
      ST_CHECK(add_interfaces(host, d, file_id));
      ST_CHECK(add_events(host, d.id, file_id));
      metrics.observe(d.id, d.site, host);
      if (header.detection && !host.selected_events.empty()) {
        auto& kept = selected_events[d.id];
        for (const auto& e : host.selected_events) {
          kept.push_back(e);
          kept.back().file_id = file_id;
        }
      }
      ST_CHECK(add_records(host, d.id, file_id));
      ST_CHECK(add_objects(host, d, file_id));
      for (const auto* kind : host.complete_kinds) d.complete_kinds.emplace(kind->name);
    }
    for (const auto& s : b.sections) {
      // An empty MAC table still says "no MACs learned", unlike a missing one.
      if (s.host_index && s.status == "parsed" && s.canonical_command == "show mac address-table") {
        devices[device_by_host[b.hosts[*s.host_index].hostname]].observed.mac_table_captured = true;
      }
      ST_CHECK(add_section(s, s.host_index ? SqlValue{device_ids[*s.host_index]} : SqlValue{nullptr}, file_id));
      ++totals.sections_by_status[s.status];
    }
    for (const auto& t : b.telemetry) {
      telemetry->bind_all(integer(run.value), integer(file_id),
                          t.host_index ? SqlValue{device_ids[*t.host_index]} : SqlValue{nullptr}, integer(t.bytes),
                          SqlValue{t.parse_seconds}, integer(std::uint64_t{t.parsed}),
                          integer(std::uint64_t{t.unknown}), integer(std::uint64_t{t.failed}));
      ST_CHECK(telemetry->run());
      ST_CHECK(row_written());
    }
    ++totals.files;
    totals.bytes += b.size;
    return {};
  }

  Result<void> add_interfaces(const HostSnapshot& h, DeviceState& d, std::int64_t file_id) {
    const std::int64_t device_id = d.id;
    for (const auto& i : h.interfaces) {
      key.assign("interface:").append(i.name);
      std::string hash = ContentHash().add(i.name).add(i.status).add(i.vlan).add(i.duplex).add(i.speed)
                             .add(i.type).add(i.description).hex();
      d.interfaces[i.name] = WrittenInterface{hash};
      d.observed.status_rows[i.name] = {i.vlan, i.status};
      interface->bind_all(integer(run.value), integer(device_id), text(key), text(hash), integer(file_id),
                          integer(i.source.offset), integer(i.source.length), text(i.name), text(i.name_raw));
      interface->bind(10, i.status).bind(11, i.vlan).bind(12, i.duplex).bind(13, i.speed).bind(14, i.type)
          .bind(15, i.description);
      ST_CHECK(interface->run());
      ST_CHECK(row_written());
    }
    return {};
  }

  Result<void> add_events(const HostSnapshot& h, std::int64_t device_id, std::int64_t file_id) {
    for (const auto& b : h.event_blocks) {
      event->bind_all(integer(run.value), integer(device_id), integer(file_id), integer(b.first_offset),
                      integer(b.end_offset), integer(std::uint64_t{b.count}), optional_integer(b.first_time),
                      optional_integer(b.last_time), text(b.kinds), text(b.codec), SqlValue{Blob{b.data}});
      ST_CHECK(event->run());
      ST_CHECK(row_written());
      totals.events += b.count;
      if (b.last_time && b.latest_iso) latest_event.offer(parse::ResolvedTime{b.latest_iso, b.last_time, {}});
    }
    return {};
  }

  Result<void> add_records(const HostSnapshot& h, std::int64_t device_id, std::int64_t file_id) {
    std::size_t ordinal = 0;
    for (const auto& r : h.records) {
      std::string json = r.record.row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      // Matched across runs by the template's Key values, else by position in the output.
      key = r.record.key.empty() ? fmt::format("record:{}:{}", r.command, ordinal++)
                                 : fmt::format("record:{}:{}", r.command, r.record.key);
      // Volatile fields (show version's uptime parts) stay out of the hash, as for objects.
      ContentHash hash;
      hash.add(r.command);
      if (r.record.row.is_object()) {
        for (const auto& [name, value] : r.record.row.items()) {
          if (!diff::is_volatile_record_field(name)) hash.add(name).add(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        }
      } else {
        hash.add(json);
      }
      const std::string hex = hash.hex();
      record->bind_all(integer(run.value), integer(device_id), text(key), text(hex), integer(file_id),
                       integer(r.record.source.offset), integer(r.record.source.length), text(r.command),
                       text(r.parser), text(json));
      ST_CHECK(record->run());
      ST_CHECK(row_written());
    }
    return {};
  }

  Result<void> add_objects(const HostSnapshot& h, DeviceState& d, std::int64_t file_id) {
    const std::int64_t device_id = d.id;
    const auto kinds = model::object_kinds();
    for (const auto& o : h.objects) {
      observe(d, o, file_id);
      const auto index = static_cast<std::size_t>(o.kind - kinds.data());
      Statement& insert = object_inserts[index];
      model::object_key_into(o, key);
      // The same object written before in this run (the same table again, or another command
      // that gives it): the later values win, the columns it leaves empty keep the earlier ones.
      auto [written, first] = d.object_values.try_emplace(key, o.values);
      auto& values = written->second;
      if (!first) {
        for (std::size_t c = 0; c < values.size(); ++c) {
          if (o.values[c]) values[c] = o.values[c];
        }
      }
      // Volatile columns (counters, readings) stay out of the hash: an object whose hash is
      // unchanged between runs has nothing to diff.
      ContentHash hash;
      for (std::size_t c = 0; c < values.size(); ++c) {
        if (!o.kind->columns[c].is_volatile) hash.add(values[c]);
      }
      const std::string hex = hash.hex();
      insert.bind_all(integer(run.value), integer(device_id), text(key), text(hex), integer(file_id),
                      integer(o.source.offset), integer(o.source.length));
      for (std::size_t c = 0; c < values.size(); ++c) insert.bind(static_cast<int>(8 + c), values[c]);
      ST_CHECK(insert.run());
      ST_CHECK(row_written());
    }
    return {};
  }

  // Keeps what derive_port_facts reads; a later capture of the same table replaces it.
  static void observe(DeviceState& d, const parse::ObjectRecord& o, std::int64_t file_id) {
    const std::string_view kind = o.kind->name;
    if (kind == "interface_config") {
      d.observed.configs.push_back(o);
      if (const auto& name = o.value("interface")) d.config_file[*name] = file_id;
    } else if (kind == "auth_session") {
      d.observed.sessions.push_back(o);
    } else if (kind == "mac") {
      d.observed.macs.push_back(o);
    } else if (kind == "neighbor") {
      d.observed.neighbors.push_back(o);
    }
  }

  // Port facts onto the interface rows: updated where the status table gave the row, added
  // (from the config stanza, no status) where only the configuration names the port.
  Result<void> add_port_facts() {
    ST_TRY(auto compliance, rules::shipped_compliance_templates());
    ST_TRY(auto update, db.prepare(
        "UPDATE interfaces SET content_hash = ?, mode = ?, access_vlan = ?, voice_vlan = ?, port_type = ?, "
        "auth_template = ?, auth_state = ?, auth_method = ?, compliance = ?, compliance_template = ?, "
        "missing_auth_commands = ?, learned_macs = ?, learned_mac_count = ? "
        "WHERE run_id = ? AND device_id = ? AND object_key = ?"));
    ST_TRY(auto insert, db.prepare(
        "INSERT OR REPLACE INTO interfaces(run_id, device_id, object_key, content_hash, file_id, offset, length, name, "
        "name_raw, description, mode, access_vlan, voice_vlan, port_type, auth_template, auth_state, auth_method, "
        "compliance, compliance_template, missing_auth_commands, learned_macs, learned_mac_count) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (auto& d : devices) {
      d.observed.platform = d.platform;
      d.observed.auth_enabled = d.config && model::enables_port_auth(d.config->auth_globals);
      const auto facts = model::derive_port_facts(d.observed, compliance);
      for (const auto& [name, f] : facts) {
        std::optional<std::string> macs;
        std::optional<std::int64_t> mac_count;
        if (f.learned_macs) {
          std::string joined;
          for (const auto& m : *f.learned_macs) joined += (joined.empty() ? "" : " ") + m;
          if (!joined.empty()) macs = joined;
          mac_count = static_cast<std::int64_t>(f.learned_macs->size());
        }
        ContentHash hash;
        hash.add(f.mode).add(f.access_vlan).add(f.voice_vlan).add(f.port_type).add(f.auth_template).add(f.auth_state)
            .add(f.auth_method).add(f.compliance).add(f.compliance_template).add(f.missing_auth_commands).add(macs);
        key.assign("interface:").append(name);
        const std::optional<std::string> values[] = {f.mode, f.access_vlan, f.voice_vlan, f.port_type, f.auth_template,
                                                     f.auth_state, f.auth_method, f.compliance, f.compliance_template,
                                                     f.missing_auth_commands, macs};
        if (auto row = d.interfaces.find(name); row != d.interfaces.end()) {
          hash.add(row->second.hash);
          const std::string hex = hash.hex();
          update.bind_all(text(hex));
          for (int v = 0; v < 11; ++v) update.bind(2 + v, values[v]);
          update.bind(13, mac_count ? SqlValue{*mac_count} : SqlValue{nullptr});
          update.bind(14, integer(run.value)).bind(15, integer(d.id)).bind(16, text(key));
          ST_CHECK(update.run());
        } else {
          const parse::ObjectRecord* config = f.config;  // a port with no status row comes from its config
          const std::optional<std::string> description = config->value("description");
          hash.add(name).add(description);
          const std::string hex = hash.hex();
          insert.bind_all(integer(run.value), integer(d.id), text(key), text(hex), integer(d.config_file.at(name)),
                          integer(config->source.offset), integer(config->source.length), text(name), text(name));
          insert.bind(10, description);
          for (int v = 0; v < 11; ++v) insert.bind(11 + v, values[v]);
          insert.bind(22, mac_count ? SqlValue{*mac_count} : SqlValue{nullptr});
          ST_CHECK(insert.run());
        }
        ST_CHECK(row_written());
      }
    }
    return {};
  }

  Result<void> add_section(const SectionSnapshot& s, SqlValue device, std::int64_t file_id) {
    section->bind_all(integer(run.value), device, integer(file_id), integer(s.range.offset), integer(s.range.length),
                      integer(s.output.offset), s.prompt.empty() ? SqlValue{nullptr} : text(s.prompt),
                      text(s.command));
    section->bind(9, s.canonical_command).bind(10, s.filter).bind(11, text(s.status)).bind(12, s.reason)
        .bind(13, s.parser).bind(14, integer(std::uint64_t{s.record_count}));
    ST_CHECK(section->run());
    const std::int64_t section_id = db.last_insert_rowid();
    ST_CHECK(row_written());
    for (const auto& w : s.warnings) {
      warning->bind_all(integer(run.value), integer(section_id), integer(file_id), integer(w.at.offset),
                        integer(w.at.length), text(w.message));
      ST_CHECK(warning->run());
      ST_CHECK(row_written());
    }
    return {};
  }

  Result<void> add_device_snapshots() {
    ST_TRY(auto snap, db.prepare(
        "INSERT INTO device_snapshots(run_id, device_id, object_key, content_hash, file_id, offset, length, "
        "hostname_source, vendor, platform, model, os_version, serial, uptime, reload_reason, location, zone, "
        "building, floor, room, \"row\", rack) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const auto& d : devices) {
      // Facts bound as text must outlive the statement's step: keep them in one local.
      parse::DeviceFacts facts = d.facts.value_or(parse::DeviceFacts{});
      if (!d.platform.empty()) facts.platform = d.platform;
      const std::optional<std::string> location = d.config ? d.config->location : std::nullopt;
      const model::LocationParts where = location ? model::parse_location(*location) : model::LocationParts{};
      // Every fact the diff compares except the uptime (diff/diff_kind.cpp).
      std::string hash = ContentHash().add(d.hostname).add(facts.vendor).add(facts.platform).add(facts.model)
                             .add(facts.os_version).add(facts.serial).add(facts.reload_reason).add(location)
                             .add(d.zone).add(where.building).add(where.floor).add(where.room).add(where.row)
                             .add(where.rack).hex();
      key.assign("device:").append(d.hostname);
      snap.bind_all(integer(run.value), integer(d.id), text(key), text(hash));
      if (d.facts) {
        snap.bind(5, integer(d.facts_file_id)).bind(6, integer(d.facts->source.offset))
            .bind(7, integer(d.facts->source.length));
      }
      snap.bind(8, text(d.hostname_source)).bind(9, facts.vendor).bind(10, facts.platform);
      snap.bind(11, facts.model).bind(12, facts.os_version).bind(13, facts.serial).bind(14, facts.uptime);
      snap.bind(15, facts.reload_reason).bind(16, location).bind(17, d.zone).bind(18, where.building)
          .bind(19, where.floor).bind(20, where.room).bind(21, where.row).bind(22, where.rack);
      ST_CHECK(snap.run());
      ST_CHECK(row_written());
    }
    return {};
  }

  // Digests of every device's objects, then each device's changes since its previous run.
  Result<void> add_diffs() {
    const auto started = std::chrono::steady_clock::now();
    ST_TRY(auto digests, diff::compute_digests(db, run));
    std::map<std::int64_t, std::set<std::string, std::less<>>> captured;
    for (const auto& d : devices) captured[d.id] = d.complete_kinds;
    ST_CHECK(diff::write_digests(db, run, std::move(digests), captured));
    ST_CHECK(diff::store_run_diffs(db, run));
    totals.diff_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return {};
  }

  // The detection rules over the run as written so far (snapshots, diffs, metrics) and the
  // events the parser threads selected: the run's insight cards, in the same transaction.
  Result<void> detect() {
    if (!header.detection) return {};
    const auto started = std::chrono::steady_clock::now();
    ST_TRY(auto ctx, insights::RunContext::load(db, run, std::move(selected_events)));
    ST_TRY(auto report, insights::detect(*ctx, *header.detection));
    ST_TRY(totals.insights, insights::store_findings(db, run, report, ctx->captured_at()));
    totals.auto_disabled_rules = report.auto_disabled;
    for (const auto& t : report.timings) totals.rule_seconds.emplace_back(t.rule_id, t.seconds);
    for (const auto& id : report.auto_disabled) ST_CHECK(insights::set_rule_enabled(db, id, false));
    totals.detect_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return row_written();
  }

  // Contract: `show clock`, else the latest syslog line, else the newest file time.
  Result<void> set_capture_time() {
    std::optional<std::string> at;
    std::string source = "unknown";
    if (latest_clock.seconds) {
      at = latest_clock.iso;
      source = "show_clock";
    } else if (latest_event.seconds) {
      at = latest_event.iso;
      source = "syslog";
    } else if (latest_mtime.seconds) {
      at = latest_mtime.iso;
      source = "file_mtime";
    }
    ST_TRY(auto stmt, db.prepare("UPDATE runs SET captured_at = ?, captured_at_source = ? WHERE id = ?"));
    stmt.bind_all(SqlValue{nullptr});
    stmt.bind(1, at).bind(2, text(source)).bind(3, integer(run.value));
    return stmt.run();
  }
};

RunWriter::RunWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}
RunWriter::RunWriter(RunWriter&&) noexcept = default;
RunWriter::~RunWriter() = default;

Result<RunWriter> RunWriter::begin(Database& db, const RunHeader& header, PlaceOf place_of,
                                   const std::atomic<bool>* cancel) {
  auto state = std::make_unique<State>(db, header, std::move(place_of), cancel);
  ST_TRY(auto tx, Transaction::begin_immediate(db));
  state->tx.emplace(std::move(tx));
  ST_CHECK(state->prepare_all());
  ST_TRY(auto stmt, db.prepare("INSERT INTO runs(bundle, site, ingested_at, captured_at, captured_at_source, status) "
                               "VALUES (?, ?, ?, NULL, 'unknown', 'complete')"));
  stmt.bind_all(text(state->header.bundle));
  stmt.bind(2, state->header.site).bind(3, text(state->header.ingested_at));
  ST_CHECK(stmt.run());
  state->run = RunId{db.last_insert_rowid()};
  ST_CHECK(state->row_written());
  return RunWriter(std::move(state));
}

Result<void> RunWriter::add(const FileBatch& batch) { return state_->add(batch); }

Result<RunId> RunWriter::commit() {
  ST_CHECK(state_->add_port_facts());
  ST_CHECK(state_->add_device_snapshots());
  ST_CHECK(state_->set_capture_time());
  ST_CHECK(state_->add_diffs());
  ST_CHECK(state_->metrics.write(state_->db, state_->run, [&] { return state_->row_written(); }));
  ST_CHECK(state_->detect());
  // Last: the diff, the metrics and the detection above read the previous runs' snapshots.
  ST_TRY(auto pruned, prune_snapshots(state_->db, state_->run, state_->header.keep_runs));
  state_->totals.pruned_snapshots = pruned.snapshots;
  if (state_->cancel && state_->cancel->load()) return fail(cancelled());
  ST_CHECK(state_->tx->commit());
  state_->tx.reset();
  return state_->run;
}

const RunTotals& RunWriter::totals() const { return state_->totals; }
RunId RunWriter::run() const { return state_->run; }

}  // namespace st::store
