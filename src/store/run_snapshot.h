// The in-memory result of parsing one bundle, handed to the store writer in one piece.
// Byte ranges here are absolute offsets in their file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parse/log_time.h"
#include "parse/parse_result.h"

namespace st::store {

struct FileSnapshot {
  std::string path;  // inside the bundle
  std::string bytes;
  std::optional<std::string> mtime_iso;
};

struct SectionSnapshot {
  std::size_t file_index = 0;
  std::optional<std::size_t> device_index;  // nullopt: text before the first prompt
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

template <class Record>
struct Located {
  Record record;
  std::size_t file_index = 0;
};

struct ResolvedEvent {
  parse::EventRecord event;
  parse::ResolvedTime time;
  std::size_t file_index = 0;
};

struct LocatedGeneric {
  parse::GenericRecord record;
  std::string command;
  std::string parser;
  std::size_t file_index = 0;
};

struct DeviceSnapshot {
  std::string hostname;
  std::string site;
  std::string hostname_source = "prompt";
  std::string platform;
  std::optional<Located<parse::DeviceFacts>> facts;
  std::optional<Located<parse::ClockReading>> clock;
  std::vector<Located<parse::InterfaceRecord>> interfaces;
  std::vector<ResolvedEvent> events;
  std::vector<LocatedGeneric> records;
};

struct RunSnapshot {
  std::string bundle;
  std::optional<std::string> site;
  std::string ingested_at;
  std::optional<std::string> captured_at;
  std::string captured_at_source = "unknown";  // show_clock, syslog, file_mtime, unknown
  std::vector<FileSnapshot> files;
  std::vector<SectionSnapshot> sections;
  std::vector<DeviceSnapshot> devices;
};

}  // namespace st::store
