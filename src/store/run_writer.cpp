#include "store/run_writer.h"

#include <algorithm>
#include <fmt/format.h>

#include "core/content_hash.h"
#include "store/fault_injection.h"

namespace st::store {
namespace {

// Raw bytes are stored in chunks of this size so a byte range is read without the whole file.
constexpr std::size_t kChunkBytes = 256 * 1024;

SqlValue text(std::string_view s) { return SqlValue{s}; }
SqlValue integer(std::int64_t v) { return SqlValue{v}; }
SqlValue optional_integer(const std::optional<std::int64_t>& v) {
  return v ? SqlValue{*v} : SqlValue{nullptr};
}

class RunWriter {
 public:
  RunWriter(Database& db, const RunSnapshot& run, const std::atomic<bool>* cancel)
      : db_(db), run_(run), cancel_(cancel), faults_(FaultInjector::from_environment()) {}

  Result<RunId> write() {
    ST_TRY(auto tx, Transaction::begin_immediate(db_));
    ST_CHECK(insert_run());
    for (std::size_t i = 0; i < run_.files.size(); ++i) ST_CHECK(insert_file(i));
    for (std::size_t i = 0; i < run_.devices.size(); ++i) ST_CHECK(insert_device(i));
    for (const auto& section : run_.sections) ST_CHECK(insert_section(section));
    if (cancel_ && cancel_->load()) return fail(ErrorKind::Cancelled, "ingest cancelled; nothing was stored");
    ST_CHECK(tx.commit());
    return run_id_;
  }

 private:
  Result<void> row_written() {
    faults_.on_row();
    if (cancel_ && cancel_->load(std::memory_order_relaxed)) {
      return fail(ErrorKind::Cancelled, "ingest cancelled; nothing was stored");
    }
    return {};
  }

  Result<void> insert_run() {
    ST_TRY(auto stmt, db_.prepare("INSERT INTO runs(bundle, site, ingested_at, captured_at, captured_at_source, status) "
                                  "VALUES (?, ?, ?, ?, ?, 'complete')"));
    stmt.bind_all(text(run_.bundle));
    stmt.bind(2, run_.site).bind(3, text(run_.ingested_at)).bind(4, run_.captured_at).bind(5, text(run_.captured_at_source));
    ST_CHECK(stmt.run());
    run_id_ = RunId{db_.last_insert_rowid()};
    return row_written();
  }

  Result<void> insert_file(std::size_t index) {
    const FileSnapshot& file = run_.files[index];
    ST_TRY(auto stmt, db_.prepare("INSERT INTO files(run_id, path, size, mtime) VALUES (?, ?, ?, ?)"));
    stmt.bind_all(integer(run_id_.value), text(file.path), integer(static_cast<std::int64_t>(file.bytes.size())));
    stmt.bind(4, file.mtime_iso);
    ST_CHECK(stmt.run());
    file_ids_.push_back(db_.last_insert_rowid());
    ST_CHECK(row_written());

    ST_TRY(auto chunk, db_.prepare("INSERT INTO file_chunks(file_id, seq, raw_offset, raw_length, codec, data) "
                                   "VALUES (?, ?, ?, ?, 'none', ?)"));
    std::int64_t seq = 0;
    for (std::size_t offset = 0; offset < file.bytes.size(); offset += kChunkBytes, ++seq) {
      std::size_t length = std::min(kChunkBytes, file.bytes.size() - offset);
      chunk.reset();
      chunk.bind(1, integer(file_ids_.back())).bind(2, integer(seq)).bind(3, integer(static_cast<std::int64_t>(offset)));
      chunk.bind(4, integer(static_cast<std::int64_t>(length)));
      chunk.bind(5, SqlValue{Blob{std::string_view(file.bytes).substr(offset, length)}});
      ST_CHECK(chunk.run());
      ST_CHECK(row_written());
    }
    return {};
  }

  Result<void> insert_device(std::size_t index) {
    const DeviceSnapshot& d = run_.devices[index];
    ST_TRY(auto find, db_.prepare("SELECT id FROM devices WHERE site = ? AND hostname = ?"));
    find.bind_all(text(d.site), text(d.hostname));
    ST_TRY(bool found, find.step());
    std::int64_t device_id = 0;
    if (found) {
      device_id = find.int64(0);
    } else {
      ST_TRY(auto insert, db_.prepare("INSERT INTO devices(site, hostname) VALUES (?, ?)"));
      insert.bind_all(text(d.site), text(d.hostname));
      ST_CHECK(insert.run());
      device_id = db_.last_insert_rowid();
      ST_CHECK(row_written());
    }
    device_ids_.push_back(device_id);

    // Facts bound as text must outlive the statement's step: keep them in one local.
    parse::DeviceFacts facts = d.facts ? d.facts->record : parse::DeviceFacts{};
    if (!d.platform.empty()) facts.platform = d.platform;
    std::string hash = ContentHash()
                           .add(d.hostname).add(facts.vendor).add(facts.platform)
                           .add(facts.model).add(facts.os_version).add(facts.serial)
                           .hex();
    ST_TRY(auto snap, db_.prepare(
        "INSERT INTO device_snapshots(run_id, device_id, object_key, content_hash, file_id, offset, length, "
        "hostname_source, vendor, platform, model, os_version, serial, uptime) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    std::string key = "device:" + d.hostname;
    snap.bind_all(integer(run_id_.value), integer(device_id), text(key), text(hash));
    if (d.facts) {
      snap.bind(5, integer(file_ids_[d.facts->file_index]));
      snap.bind(6, integer(static_cast<std::int64_t>(d.facts->record.source.offset)));
      snap.bind(7, integer(static_cast<std::int64_t>(d.facts->record.source.length)));
    }
    snap.bind(8, text(d.hostname_source)).bind(9, facts.vendor).bind(10, facts.platform);
    snap.bind(11, facts.model).bind(12, facts.os_version).bind(13, facts.serial).bind(14, facts.uptime);
    ST_CHECK(snap.run());
    ST_CHECK(row_written());

    ST_CHECK(insert_interfaces(d, device_id));
    ST_CHECK(insert_events(d, device_id));
    return insert_records(d, device_id);
  }

  Result<void> insert_interfaces(const DeviceSnapshot& d, std::int64_t device_id) {
    // A capture may show the same table twice; the later output wins.
    ST_TRY(auto stmt, db_.prepare(
        "INSERT OR REPLACE INTO interfaces(run_id, device_id, object_key, content_hash, file_id, offset, length, "
        "name, name_raw, status, vlan, duplex, speed, type, description) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const auto& [i, file_index] : d.interfaces) {
      std::string key = "interface:" + i.name;
      std::string hash = ContentHash().add(i.name).add(i.status).add(i.vlan).add(i.duplex).add(i.speed)
                             .add(i.type).add(i.description).hex();
      stmt.bind_all(integer(run_id_.value), integer(device_id), text(key), text(hash),
                    integer(file_ids_[file_index]), integer(static_cast<std::int64_t>(i.source.offset)),
                    integer(static_cast<std::int64_t>(i.source.length)), text(i.name), text(i.name_raw));
      stmt.bind(10, i.status).bind(11, i.vlan).bind(12, i.duplex).bind(13, i.speed).bind(14, i.type)
          .bind(15, i.description);
      ST_CHECK(stmt.run());
      ST_CHECK(row_written());
    }
    return {};
  }

  Result<void> insert_events(const DeviceSnapshot& d, std::int64_t device_id) {
    ST_TRY(auto stmt, db_.prepare(
        "INSERT INTO events(run_id, device_id, object_key, content_hash, file_id, offset, length, timestamp, "
        "timestamp_raw, time_quality, sequence, facility, severity, mnemonic, message_id, interface, message) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const auto& [e, time, file_index] : d.events) {
      std::string hash = ContentHash().add(e.timestamp_raw).add(e.message_id).add(e.message).hex();
      std::string key = "event:" + hash;
      std::optional<std::int64_t> severity;
      if (e.severity) severity = *e.severity;
      stmt.bind_all(integer(run_id_.value), integer(device_id), text(key), text(hash), integer(file_ids_[file_index]),
                    integer(static_cast<std::int64_t>(e.source.offset)),
                    integer(static_cast<std::int64_t>(e.source.length)));
      stmt.bind(8, time.utc_iso).bind(9, text(e.timestamp_raw)).bind(10, text(parse::to_string(time.quality)));
      stmt.bind(11, optional_integer(e.sequence)).bind(12, text(e.facility)).bind(13, optional_integer(severity));
      stmt.bind(14, text(e.mnemonic)).bind(15, text(e.message_id)).bind(16, e.interface).bind(17, text(e.message));
      ST_CHECK(stmt.run());
      ST_CHECK(row_written());
    }
    return {};
  }

  Result<void> insert_records(const DeviceSnapshot& d, std::int64_t device_id) {
    ST_TRY(auto stmt, db_.prepare(
        "INSERT INTO records(run_id, device_id, object_key, content_hash, file_id, offset, length, command, parser, "
        "row_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    std::size_t ordinal = 0;
    for (const auto& r : d.records) {
      std::string json = r.record.row.dump();
      std::string hash = ContentHash().add(r.command).add(json).hex();
      std::string key = fmt::format("record:{}:{}", r.command, ordinal++);
      stmt.bind_all(integer(run_id_.value), integer(device_id), text(key), text(hash), integer(file_ids_[r.file_index]),
                    integer(static_cast<std::int64_t>(r.record.source.offset)),
                    integer(static_cast<std::int64_t>(r.record.source.length)), text(r.command), text(r.parser),
                    text(json));
      ST_CHECK(stmt.run());
      ST_CHECK(row_written());
    }
    return {};
  }

  Result<void> insert_section(const SectionSnapshot& s) {
    ST_TRY(auto stmt, db_.prepare(
        "INSERT INTO sections(run_id, device_id, file_id, offset, length, output_offset, prompt, command, "
        "canonical_command, filter, status, reason, parser, record_count) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    stmt.bind_all(integer(run_id_.value));
    stmt.bind(2, s.device_index ? integer(device_ids_[*s.device_index]) : SqlValue{nullptr});
    stmt.bind(3, integer(file_ids_[s.file_index])).bind(4, integer(static_cast<std::int64_t>(s.range.offset)));
    stmt.bind(5, integer(static_cast<std::int64_t>(s.range.length)));
    stmt.bind(6, integer(static_cast<std::int64_t>(s.output.offset)));
    stmt.bind(7, s.prompt.empty() ? SqlValue{nullptr} : text(s.prompt)).bind(8, text(s.command));
    stmt.bind(9, s.canonical_command).bind(10, s.filter).bind(11, text(s.status)).bind(12, s.reason)
        .bind(13, s.parser).bind(14, integer(static_cast<std::int64_t>(s.record_count)));
    ST_CHECK(stmt.run());
    std::int64_t section_id = db_.last_insert_rowid();
    ST_CHECK(row_written());

    if (s.warnings.empty()) return {};
    ST_TRY(auto warn, db_.prepare("INSERT INTO parse_warnings(run_id, section_id, file_id, offset, length, message) "
                                  "VALUES (?, ?, ?, ?, ?, ?)"));
    for (const auto& w : s.warnings) {
      warn.bind_all(integer(run_id_.value), integer(section_id), integer(file_ids_[s.file_index]),
                    integer(static_cast<std::int64_t>(w.at.offset)), integer(static_cast<std::int64_t>(w.at.length)),
                    text(w.message));
      ST_CHECK(warn.run());
      ST_CHECK(row_written());
    }
    return {};
  }

  Database& db_;
  const RunSnapshot& run_;
  const std::atomic<bool>* cancel_;
  FaultInjector faults_;
  RunId run_id_;
  std::vector<std::int64_t> file_ids_;
  std::vector<std::int64_t> device_ids_;
};

}  // namespace

Result<RunId> write_run(Database& db, const RunSnapshot& run, const std::atomic<bool>* cancel) {
  return RunWriter(db, run, cancel).write();
}

}  // namespace st::store
