// What a syslog relay, a collector or another Cisco OS puts in front of a "%FAC-SEV-MNEMONIC"
// message, for the lines a `show logging` parser does not recognise in its own layout:
//
//   <189>                              syslog priority (relay), dropped
//   000123:                            sequence number
//   router1:  /  nexus-switch          one host name, before or after the time
//   Nov 14 08:30:56.699[ MSK]:         BSD time, optionally with a year, a fraction, a zone
//   2018 Apr 20 13:15:07[ MSK]:        NX-OS time (year first)
//   05/16/2015 21:39:57[.82]           numeric time (month/day/year)
//   2020-11-04T07:05:36[.123][+00:00]  ISO-8601 time
//   RP/0/RSP0/CPU0:Jul 20 ... :        IOS-XR node glued to its time, then a lone ':'
//   ifmgr[214]:                        process and pid (IOS-XR, Junos)
//   *  .                               IOS "not synchronised" marks
//
// A line may carry none of these ("%PM-4-ERR_DISABLE: ..." from a buffer kept without
// `service timestamps`): then it has no time. The scan stops at the first token that is none
// of the above; what follows is the message (header and text) for the caller to read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "parse/log_time.h"

namespace st::parse {

struct SyslogRelayPrefix {
  LogTime time;                        // uptime_only (no time) unless `timed`
  bool timed = false;
  bool priority = false;               // a "<N>" was in front: the line is a relayed message
  std::string_view timestamp_raw;      // as printed, "" without a time
  std::optional<std::int64_t> sequence;
  std::size_t body = 0;                // where the message starts
};

// Scans the prefix of `line` (which starts with no blank). Never fails: a line with no prefix
// gives body 0 and no time.
SyslogRelayPrefix scan_syslog_relay_prefix(std::string_view line);

// "<189>" at the start of `line`: the position after it, else 0.
std::size_t skip_syslog_priority(std::string_view line);

}  // namespace st::parse
