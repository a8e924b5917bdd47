// Typed read queries behind every listing (CLI `--json` and the GUI models).
// Without a run, each device's latest snapshot is listed.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "store/database.h"

namespace st::store {

struct SourceRef {
  std::string file;  // path of the file inside its bundle
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};

struct RunRow {
  RunId id;
  std::string bundle;
  std::optional<std::string> site;
  std::string ingested_at;
  std::optional<std::string> captured_at;
  std::string captured_at_source;  // show_clock, syslog, file_mtime
  std::string status;              // complete
};

struct DeviceRow {
  RunId run;
  DeviceId id;
  std::string hostname;
  std::string site;
  std::optional<std::string> vendor, platform, model, os_version, serial, uptime;
  std::optional<SourceRef> source;
  std::optional<std::string> reload_reason, location, zone, building, floor, room, row, rack;
};

struct InterfaceRow {
  RunId run;
  std::string device;
  std::string name, name_raw;
  std::optional<std::string> status, vlan, duplex, speed, type, description;
  SourceRef source;
  // Port facts (model/port_facts.h) and where the device is.
  std::optional<std::string> mode, access_vlan, voice_vlan, port_type, auth_template, auth_state, auth_method;
  std::optional<std::string> compliance, compliance_template;
  std::vector<std::string> missing_auth_commands;
  std::optional<std::vector<std::string>> learned_macs;  // nullopt: no MAC table captured
  std::string site;
  std::optional<std::string> zone, building, room;
};

struct EventRow {
  RunId run;
  std::string device;
  std::optional<std::string> timestamp;
  std::string timestamp_raw;
  std::string time_quality;
  std::string facility;
  std::optional<std::int64_t> severity;
  std::string mnemonic, message_id;
  std::optional<std::string> interface;
  std::string message;
  std::string kind;  // link_down, auth_fail, ... (rules/event_kinds.json)
  SourceRef source;
};

struct SectionRow {
  RunId run;
  std::optional<std::string> device;
  std::string command;
  std::optional<std::string> canonical_command;
  std::optional<std::string> filter;  // "| include X": the output is partial
  std::string status;  // parsed, unknown, failed
  std::optional<std::string> reason;
  std::optional<std::string> parser;
  SourceRef source;
};

struct ListingFilter {
  std::optional<RunId> run{};           // nullopt: each device's latest snapshot
  std::optional<std::string> device{};  // hostname
  // Where devices are (exact, case-sensitive): site from the hostname or --site, zone from
  // the hostname, building and room from `snmp-server location`.
  std::optional<std::string> site{}, zone{}, building{}, room{};
};

Result<std::vector<RunRow>> list_runs(Database& db);
Result<std::vector<DeviceRow>> list_devices(Database& db, const ListingFilter& filter);
Result<std::vector<InterfaceRow>> list_interfaces(Database& db, const ListingFilter& filter);
// Events are decoded from their blocks (store/event_block.h) in file order per device.
Result<std::vector<EventRow>> list_events(Database& db, const ListingFilter& filter);
Result<void> for_each_event(Database& db, const ListingFilter& filter, const std::function<void(EventRow&&)>& visit);
Result<std::vector<SectionRow>> list_sections(Database& db, const ListingFilter& filter);

}  // namespace st::store
