// `show logging` -> one EventRecord per buffered syslog message.
//
// A message starts with an optional '*' or '.', an optional sequence number ("022701: "),
// a timestamp (calendar "Jun 19 [2023] 03:02:31[.123] [UTC]" or uptime "7:04", "1d02h",
// "2w3d") and ": ", then "%FAC-SEV-MNEMONIC: text" or "FAC-MNEMONIC: text". Lines in other
// layouts start a message when they carry a header (parse_other_layout: relayed, NX-OS,
// IOS-XR, numeric dates, no time at all; syslog_relay_prefix.h), carry another vendor's header
// (Huawei, Comware, Alcatel, Extreme, level words; foreign_log_header.h) or begin with a
// date; a message without a time is kept with no timestamp (time_quality uptime_only, as for
// uptime stamps). Other text continues a message that had a header or a time; with nothing
// to continue, a line whose words name a known kind of event is a message of its own, and
// any other is skipped with a warning. Everything before "Log Buffer (N bytes):" is
// configuration and is not parsed.
#include <vector>

#include <fmt/format.h>

#include "parse/cisco/cisco_parsers.h"
#include "parse/cisco/cli_error.h"
#include "parse/event_kind.h"
#include "parse/foreign_log_header.h"
#include "parse/interface_name.h"
#include "parse/line_cursor.h"
#include "parse/syslog_relay_prefix.h"

namespace st::parse::cisco {

namespace {

struct LogStart {
  LogTime time;
  std::string_view timestamp_raw;
  std::optional<std::int64_t> sequence;
  std::string_view facility;
  std::optional<int> severity;
  std::string_view mnemonic;
  std::string_view tag;  // a Junos/IOS-XR tag standing for the whole id ("SNMP_TRAP_LINK_DOWN")
  std::string_view message;
  bool foreign = false;  // another vendor's header (foreign_log_header.h), or only a level word
};

std::size_t skip_blanks(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

std::size_t skip_digits(std::string_view s, std::size_t i) {
  while (i < s.size() && is_digit(s[i])) ++i;
  return i;
}


// Uptime stamps: "7:04", "00:01:23", "00:01:23.456", "1d02h", "2w3d", "1y2w".
bool is_uptime_stamp(std::string_view s) {
  if (s.empty() || !is_digit(s.front())) return false;
  bool colon = false;
  bool unit = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (is_digit(c)) continue;
    if (c == ':') {
      colon = true;
    } else if (c == '.' && colon) {
      continue;
    } else if (c == 'y' || c == 'w' || c == 'd' || c == 'h' || c == 'm') {
      if (!is_digit(s[i - 1])) return false;
      unit = true;
    } else {
      return false;
    }
  }
  return colon != unit;
}

// A Junos or IOS-XR process tag used as a message id: "SNMP_TRAP_LINK_DOWN" (upper case,
// digits and at least one underscore).
bool is_tag(std::string_view s) {
  if (s.size() < 4 || !(s.front() >= 'A' && s.front() <= 'Z')) return false;
  bool underscore = false;
  for (char c : s) {
    if (c == '_') underscore = true;
    else if (!(c >= 'A' && c <= 'Z') && !is_digit(c)) return false;
  }
  return underscore;
}

// The "%FAC-SEV-MNEM: text" / "FAC-MNEM: text" part, from position i. A '%' header may also
// close with " : " (IOS-XR: "%PKT_INFRA-LINK-3-UPDOWN : Interface ...") or glue its text to
// the colon ("%SYS-0-SUP_TEMPMAJORFAIL:Supervisor ..."); `tags` also takes a Junos tag
// ("SNMP_TRAP_LINK_DOWN: ...") as the id.
void parse_message_header(std::string_view line, std::size_t i, LogStart& out, bool tags = false) {
  const std::string_view rest = line.substr(i);
  out.message = rest;
  const bool percent = !rest.empty() && rest.front() == '%';
  const std::size_t begin = percent ? 1 : 0;
  // The header token runs to the first ':' and holds no blanks.
  std::size_t colon = begin;
  while (colon < rest.size() && rest[colon] != ':' && !is_space(rest[colon])) ++colon;
  std::string_view token = rest.substr(begin, colon - begin);
  if (percent && colon < rest.size() && rest[colon] == ' ') {
    const std::size_t c = skip_blanks(rest, colon);
    if (c < rest.size() && rest[c] == ':') {
      colon = c;
    } else if (token.find('-') != std::string_view::npos) {
      // "%LINK-W-Not Present:  ch2" (Cisco small-business): words in the mnemonic.
      std::size_t k = c;
      while (k < rest.size() && k - colon < 24 && (is_alpha(rest[k]) || rest[k] == ' ')) ++k;
      if (k < rest.size() && rest[k] == ':' && rest[k - 1] != ' ') {
        token = rest.substr(begin, k - begin);
        colon = k;
      }
    }
  }
  if (colon >= rest.size() || rest[colon] != ':') return;
  const bool glued = colon + 1 < rest.size() && !is_space(rest[colon + 1]);
  if (glued && !percent) return;

  std::string_view facility, mnemonic;
  std::optional<int> severity;
  // "-<digit>-" separates facility, severity and mnemonic: "LINK-3-UPDOWN".
  for (std::size_t k = 1; k + 2 < token.size(); ++k) {
    if (token[k] == '-' && is_digit(token[k + 1]) && token[k + 2] == '-') {
      facility = token.substr(0, k);
      severity = token[k + 1] - '0';
      mnemonic = token.substr(k + 3);
      break;
    }
  }
  if (facility.empty()) {
    if (glued) return;
    if (tags && !percent && is_tag(token)) {
      out.tag = token;
      out.message = rest.substr(skip_blanks(rest, colon + 1));
      return;
    }
    // "CEF-HWIDB": no severity. Without '%' the facility must be a plain word.
    const std::size_t dash = token.find('-');
    if (dash == std::string_view::npos || dash == 0 || dash + 1 >= token.size()) return;
    facility = token.substr(0, dash);
    mnemonic = token.substr(dash + 1);
    severity.reset();
    if (!percent) {
      for (char c : facility) {
        if (!is_alnum(c) && c != '_') return;
      }
    }
  }
  if (mnemonic.empty()) return;
  out.facility = facility;
  out.severity = severity;
  out.mnemonic = mnemonic;
  out.message = rest.substr(skip_blanks(rest, colon + 1));
}

// A message in a layout IOS does not print itself: a relayed line ("<189>521: router1: *Nov 14
// ...", "<190>2018 Apr 20 13:15:07 nexus-switch %ETHPORT-..."), another OS's ("05/16/2015
// 21:39:57 %NYQ-...", "2020 Oct 22 19:04:12 MSK: %ETHPORT-...", "RP/0/RSP0/CPU0:Jul 20 ... :
// exec[658]: %SECURITY-...") or one without a time ("%PM-4-ERR_DISABLE: ..." from a buffer
// kept without `service timestamps`). It needs a message header, or a syslog priority and a
// time: a wrapped text line has neither, and stays a continuation.
std::optional<LogStart> parse_other_layout(std::string_view line) {
  const SyslogRelayPrefix prefix = scan_syslog_relay_prefix(line);
  LogStart out;
  out.time = prefix.time;
  out.timestamp_raw = prefix.timestamp_raw;
  out.sequence = prefix.sequence;
  parse_message_header(line, prefix.body, out, /*tags=*/true);
  if (out.facility.empty() && out.tag.empty()) {
    auto h = read_foreign_log_header(line, prefix.body);
    // The prefix scan reads a leading level word as a host ("INFO: Port 17 link down").
    if (!h && !prefix.timed) h = read_foreign_log_header(line, skip_syslog_priority(line));
    if (h) {
      out.facility = h->facility;
      out.severity = h->severity;
      out.mnemonic = h->mnemonic;
      out.message = line.substr(h->message);
      out.foreign = true;
      return out;
    }
  }
  // A dated line starts a message even without a header ("Sep 19 13:36:03 sw-28 snmp
  // Authentication failure notification."): wrapped text never begins with a date.
  if (out.facility.empty() && out.tag.empty() && !prefix.timed) return std::nullopt;
  return out;
}

// A line that starts a new message, or nullopt.
std::optional<LogStart> parse_log_start(std::string_view line) {
  const std::size_t n = line.size();
  if (n == 0 || is_space(line[0])) return std::nullopt;
  LogStart out;
  std::size_t i = 0;
  if (line[i] == '*' || line[i] == '.') ++i;
  if (i < n && is_digit(line[i])) {
    const std::size_t d = skip_digits(line, i);
    if (d < n && line[d] == ':' && (d + 1 == n || line[d + 1] == ' ')) {
      out.sequence = to_int<std::int64_t>(line.substr(i, d - i));
      i = skip_blanks(line, d + 1);
      if (i < n && (line[i] == '*' || line[i] == '.')) ++i;
    }
  }
  if (i >= n) return std::nullopt;
  const std::size_t stamp_begin = i;
  std::size_t stamp_end = 0;  // position of the ':' closing the timestamp

  if (is_alpha(line[i])) {
    // Calendar stamp: month day [year] time [zone]
    std::size_t j = i;
    while (j < n && is_alpha(line[j])) ++j;
    out.time.month = month_from_name(line.substr(i, j - i));
    if (out.time.month == 0 || j - i != 3) return std::nullopt;
    j = skip_blanks(line, j);
    std::size_t k = skip_digits(line, j);
    if (k == j || k - j > 2 || k >= n || line[k] != ' ') return std::nullopt;
    out.time.day = *to_int<int>(line.substr(j, k - j));
    j = skip_blanks(line, k);
    k = skip_digits(line, j);
    if (k - j == 4 && k < n && line[k] == ' ') {
      out.time.year = to_int<int>(line.substr(j, 4));
      j = skip_blanks(line, k);
      k = skip_digits(line, j);
    }
    // time: digits and ':' '.' up to a blank or the closing ':'
    std::size_t t = j;
    while (t < n && (is_digit(line[t]) || line[t] == ':' || line[t] == '.')) ++t;
    // The closing ':' is glued to the time ("03:02:31:") or follows the zone ("UTC:").
    std::string_view time_text = line.substr(j, t - j);
    if (t < n && line[t] == ' ') {
      if (time_text.empty() || time_text.back() == ':') {
        if (time_text.empty()) return std::nullopt;
        time_text.remove_suffix(1);
        stamp_end = t - 1;
      } else {
        const std::size_t z = skip_blanks(line, t);
        std::size_t ze = z;
        while (ze < n && !is_space(line[ze])) ++ze;
        if (ze == z || line[ze - 1] != ':' || ze - z < 2) return std::nullopt;
        out.time.utc_offset_minutes = zone_offset_minutes(line.substr(z, ze - z - 1));
        stamp_end = ze - 1;
      }
    } else if (t == n && !time_text.empty() && time_text.back() == ':') {
      time_text.remove_suffix(1);
      stamp_end = t - 1;
    } else {
      return std::nullopt;
    }
    if (!parse_time_of_day(time_text, out.time)) return std::nullopt;
  } else if (is_digit(line[i])) {
    // Uptime stamp, closed by ": ".
    std::size_t j = i;
    while (j < n && !is_space(line[j])) ++j;
    if (j - i < 2 || line[j - 1] != ':') return std::nullopt;
    if (!is_uptime_stamp(line.substr(i, j - 1 - i))) return std::nullopt;
    out.time.uptime_only = true;
    stamp_end = j - 1;
  } else {
    return std::nullopt;
  }

  out.timestamp_raw = line.substr(stamp_begin, stamp_end - stamp_begin);
  parse_message_header(line, skip_blanks(line, stamp_end + 1), out);
  return out;
}

// Offset of the line after the first "Log Buffer (N bytes):" line, or nullopt.
std::optional<std::size_t> body_start(std::string_view output) {
  constexpr std::string_view kHeader = "Log Buffer (";
  std::size_t pos = 0;
  while ((pos = output.find(kHeader, pos)) != std::string_view::npos) {
    std::size_t line_begin = pos;
    while (line_begin > 0 && (output[line_begin - 1] == ' ' || output[line_begin - 1] == '\t')) {
      --line_begin;
    }
    if (line_begin == 0 || output[line_begin - 1] == '\n') {
      const std::size_t newline = output.find('\n', pos);
      return newline == std::string_view::npos ? output.size() : newline + 1;
    }
    pos += kHeader.size();
  }
  return std::nullopt;
}

EventRecord make_event(const LogStart& start, const Line& line) {
  EventRecord ev;
  ev.time = start.time;
  ev.timestamp_raw = std::string(start.timestamp_raw);
  ev.sequence = start.sequence;
  ev.facility = std::string(start.facility);
  ev.severity = start.severity;
  ev.mnemonic = std::string(start.mnemonic);
  if (!ev.facility.empty() && ev.mnemonic.empty()) {
    ev.message_id = make_message_id(ev.facility, std::nullopt, std::to_string(start.severity.value_or(0)));
  } else if (!ev.facility.empty()) {
    ev.message_id = make_message_id(ev.facility, start.severity, ev.mnemonic);
  } else if (!start.tag.empty()) {
    ev.mnemonic = std::string(start.tag);
    ev.message_id = ev.mnemonic;
  }
  ev.message = std::string(start.message);
  ev.source = line.range();
  return ev;
}

}  // namespace

Result<ParseResult> parse_show_logging(const SectionInput& input) {
  if (auto error = find_cli_error(input.output)) return fail(cli_error(*error, "show logging"));
  ParseResult result;
  const std::optional<std::size_t> body = body_start(input.output);
  result.events.reserve(count_lines(input.output.substr(body.value_or(0))));
  // Without the header, parsing starts at the first line that looks like a message.
  bool started = false;
  EventRecord* current = nullptr;
  bool anchored = false;  // `current` had a header or a time

  auto finish = [&]() {
    if (current) current->interface = interface_in_message(current->message);
  };

  LineCursor cursor(input.output);
  Line line;
  while (cursor.next(line)) {
    if (body && line.offset < *body) continue;  // configuration preamble
    if (is_blank(line.text)) continue;
    auto start = parse_log_start(line.text);
    // A timed line without a header may still be a relayed one ("Jul 29 11:30:57 snmpd[1379]:
    // SNMPD_AUTH_FAILURE: ..." reads as a time in zone "snmpd[1379]").
    if (!start || start->facility.empty()) {
      auto other = is_space(line.text.front()) ? std::nullopt : parse_other_layout(line.text);
      if (other && (!start || !other->facility.empty() || !other->tag.empty() || other->foreign)) start = other;
    }
    if (start) {
      finish();
      started = true;
      result.events.push_back(make_event(*start, line));
      current = &result.events.back();
      anchored = true;
      continue;
    }
    // Text continues a message that had a header or a time (IOS prints "%SYS-5-RESTART"
    // with the version banner under it), or any message when indented.
    if (current && (anchored || is_space(line.text.front()))) {
      append_continuation(*current, line.text, line.offset);
      continue;
    }
    if (body || started) {
      // Nothing to continue: a message in a layout we do not know ("System detected SYS PS 1
      // fan fail condition."), kept when its words name a known kind of event, else the tail
      // of a message the buffer overwrote.
      const std::string_view text = trim(line.text);
      if (EventKindClassifier::builtin().classify("", "", text) != "other") {
        finish();
        LogStart orphan;
        orphan.time.uptime_only = true;
        orphan.message = text;
        result.events.push_back(make_event(orphan, line));
        current = &result.events.back();
        anchored = false;
        continue;
      }
      ++result.skipped_lines;
      result.warnings.push_back(
          {line.range(), current ? fmt::format("line {}: text in no known layout that no message can continue",
                                               line.number)
                                 : fmt::format("line {}: text before the first message (wrapped buffer?)",
                                               line.number)});
    }
  }
  finish();

  if (!body && result.events.empty() && !is_blank(input.output) &&
      !istarts_with(ltrim(input.output), "Syslog logging:")) {
    return fail(ErrorKind::Parse,
                "output does not look like 'show logging': no 'Log Buffer' header and no messages");
  }
  return result;
}

}  // namespace st::parse::cisco
