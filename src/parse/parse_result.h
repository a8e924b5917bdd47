// What a parser hands back: normalized records, generic records and warnings,
// all positioned by byte ranges relative to the start of the section's output.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "model/object_kind.h"
#include "parse/log_time.h"

namespace st::parse {

// Device facts from `show version` (later: inventory, running-config).
struct DeviceFacts {
  std::optional<std::string> hostname;  // as printed in the output (used only without a prompt)
  std::optional<std::string> vendor;    // "cisco"
  std::optional<std::string> platform;  // ntc-templates name: "cisco_ios"
  std::optional<std::string> model;
  std::optional<std::string> os_version;
  std::optional<std::string> serial;
  std::optional<std::string> uptime;    // as printed: "2 years, 31 weeks, 6 days, 9 hours, 55 minutes"
  std::optional<std::string> reload_reason;  // "Reload Command", "power-on"
  ByteRange source;
};

// Device-wide facts from the running configuration.
struct ConfigFacts {
  std::optional<std::string> hostname;
  std::optional<std::string> location;   // `snmp-server location`, as configured
  std::vector<std::string> auth_globals;  // global AAA / 802.1X / MAB lines, in order
  ByteRange source;                       // the configuration's output
};

// One row of `show interfaces status` (later: `show interfaces`, config).
struct InterfaceRecord {
  std::string name;      // canonical short form: Gi1/0/5
  std::string name_raw;  // as printed
  std::optional<std::string> status;  // notconnect, connected, err-disabled, ...
  std::optional<std::string> vlan;    // as printed: "10", "trunk", "routed"
  std::optional<std::string> duplex;
  std::optional<std::string> speed;
  std::optional<std::string> type;
  std::optional<std::string> description;
  ByteRange source;
};

// One syslog message (possibly spanning continuation lines).
struct EventRecord {
  LogTime time;
  std::string timestamp_raw;          // the time text as printed, "Jun 19 03:02:31.123 UTC"
  std::optional<std::int64_t> sequence;  // the "022701:" sequence number, when printed
  std::string facility;               // LINK
  std::optional<int> severity;        // 3
  std::string mnemonic;               // UPDOWN
  std::string message_id;             // LINK-3-UPDOWN
  std::optional<std::string> interface;  // canonical name when the message names one
  std::string message;
  // Normalized kind from rules/event_kinds.json (parse/event_kind.h): link_down, link_up,
  // lineproto_down, lineproto_up, bundle_change (a port joined or left a port-channel),
  // auth_fail, err_disable, stp_change, power_fault, poe_fault, poe_event (a port's normal PoE
  // lifecycle),
  // env_alarm, config_change or other.
  std::string kind = "other";
  ByteRange source;
};

// A line that does not start a new message continues the previous one (all vendors' logs
// wrap this way): its text joins the message after a newline and the range grows to cover it.
inline void append_continuation(EventRecord& event, std::string_view text, std::uint64_t offset) {
  event.message.push_back('\n');
  event.message.append(text);
  event.source.length = offset + text.size() - event.source.offset;
}

// "LINK-3-UPDOWN", or "CEF-HWIDB" when no severity was printed; built without a format
// string because every log line needs one.
inline std::string make_message_id(std::string_view facility, std::optional<int> severity, std::string_view mnemonic) {
  std::string id;
  id.reserve(facility.size() + mnemonic.size() + 4);
  id.append(facility).push_back('-');
  if (severity) {
    if (*severity >= 10 || *severity < 0) id.append(std::to_string(*severity));
    else id.push_back(static_cast<char>('0' + *severity));
    id.push_back('-');
  }
  id.append(mnemonic);
  return id;
}

// The device clock at capture time, from `show clock`.
struct ClockReading {
  LogTime time;
  std::string raw;
};

// One object of a kind in model/object_kind.h (a VLAN, a MAC entry, an STP port, ...):
// its values in the kind's column order, already normalized.
struct ObjectRecord {
  const model::ObjectKind* kind = nullptr;
  std::vector<std::optional<std::string>> values;
  ByteRange source;
  const std::optional<std::string>& value(std::string_view column) const {
    static const std::optional<std::string> none;
    auto i = kind->column_index(column);
    return i ? values[*i] : none;
  }
};

// Parsed output that has no normalized table yet: one JSON object per record.
struct GenericRecord {
  nlohmann::json row;
  ByteRange source;
  std::string key;  // the template's Key values joined by ':' (diff matches records by it); "" when none
};

struct ParseWarning {
  ByteRange at;
  std::string message;
};

struct ParseResult {
  std::optional<DeviceFacts> facts;
  std::vector<InterfaceRecord> interfaces;
  std::vector<EventRecord> events;
  std::vector<GenericRecord> records;
  std::vector<ObjectRecord> objects;
  // Object kinds this output lists completely, even when it lists none of them (a `show vlan`
  // rule, the configuration's interfaces): the diff tells an empty table from one not captured.
  std::vector<const model::ObjectKind*> complete_kinds;
  std::optional<ClockReading> clock;
  std::optional<ConfigFacts> config;
  std::vector<ParseWarning> warnings;
  std::size_t skipped_lines = 0;  // lines the parser saw but could not use
};

}  // namespace st::parse
