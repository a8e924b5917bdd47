// What one bundle member becomes after parsing: everything the store writer needs to
// store it, prepared off the writer's thread (raw bytes already compressed, hashes and
// times already computed). Byte ranges are absolute offsets in the member.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "insights/selected_event.h"
#include "metrics/counted_event.h"
#include "parse/log_time.h"
#include "parse/parse_result.h"
#include "store/event_block.h"
#include "store/retention.h"

namespace st::insights {
class CompiledRules;
}

namespace st::store {

struct EncodedChunk {
  std::uint64_t raw_offset = 0;
  std::uint64_t raw_length = 0;
  std::string codec;  // "zstd"
  std::string data;
};

struct SectionSnapshot {
  std::optional<std::size_t> host_index;  // into FileBatch::hosts; nullopt: text before the first prompt
  ByteRange range;
  ByteRange output;
  std::string prompt;
  std::string command;  // as typed
  std::optional<std::string> canonical_command;
  std::optional<std::string> filter;
  std::string status;  // parsed, unknown, failed
  std::optional<std::string> reason;
  std::optional<std::string> parser;
  std::size_t record_count = 0;
  std::vector<parse::ParseWarning> warnings;  // absolute offsets
};

struct LocatedGeneric {
  parse::GenericRecord record;
  std::string command;
  std::string parser;
};

// Everything one file says about one host.
struct HostSnapshot {
  std::string hostname;
  std::string platform;
  std::string hostname_source = "prompt";
  std::optional<parse::DeviceFacts> facts;
  std::optional<parse::ClockReading> clock;
  std::optional<parse::ConfigFacts> config;  // from the running configuration
  std::optional<parse::ResolvedTime> clock_time;
  std::vector<parse::InterfaceRecord> interfaces;
  std::vector<EncodedEventBlock> event_blocks;  // its syslog events, encoded off the writer's thread
  metrics::CountedEvents counted_events;  // those of them the run's metrics count (metrics/)
  std::vector<insights::SelectedEvent> selected_events;  // those a detection rule reads (file_id 0)
  std::vector<LocatedGeneric> records;
  std::vector<parse::ObjectRecord> objects;  // VLANs, MAC entries, STP ports, ... (model/object_kind.h)
  std::vector<const model::ObjectKind*> complete_kinds;  // from unfiltered sections (ParseResult)
};

// Ingestion telemetry for one host's sections in one file (the health view reads it).
struct HostTelemetry {
  std::optional<std::size_t> host_index;  // nullopt: text before the first prompt
  std::uint64_t bytes = 0;
  double parse_seconds = 0;
  std::size_t parsed = 0, unknown = 0, failed = 0;
};

struct FileBatch {
  std::string path;  // inside the bundle
  std::uint64_t size = 0;
  std::optional<std::int64_t> mtime_unix;
  std::optional<std::string> mtime_iso;
  std::string sha256;
  std::vector<EncodedChunk> chunks;
  std::vector<SectionSnapshot> sections;
  std::vector<HostSnapshot> hosts;
  std::vector<HostTelemetry> telemetry;
};

// Where a hostname belongs: its site (part of the device's identity) and zone.
struct HostPlace {
  std::string site;
  std::optional<std::string> zone;
};

// The run-level facts known before any file is written.
struct RunHeader {
  std::string bundle;
  std::optional<std::string> site;
  std::string ingested_at;
  int keep_runs = kDefaultKeepRuns;  // per device, in full (store/retention.h); 0 keeps every run
  // The detection rules evaluated at commit (src/insights/); null: no detection.
  std::shared_ptr<const insights::CompiledRules> detection;
};

}  // namespace st::store
