// `show logging` (EOS) -> one EventRecord per buffered syslog message.
//
// EOS writes each message as "<time> <host> <agent>: %FAC-SEV-MNEMONIC: text", with either a
// BSD time ("Nov 20 08:51:12", optionally with a fraction) or, in newer releases, an ISO-8601
// time ("2026-11-20T08:51:12.345678+00:00"). The host and agent name ("Ebra", "ConfigAgent",
// "Rib[1234]") are skipped. Any other non-blank line after a message continues it; the
// configuration preamble before the first message ("Syslog logging: enabled", "Log Buffer:")
// is not parsed.
#include <fmt/format.h>

#include "parse/arista/arista_parsers.h"
#include "parse/cisco/cli_error.h"
#include "parse/interface_name.h"
#include "parse/line_cursor.h"
#include "parse/syslog_relay_prefix.h"

namespace st::parse::arista {

namespace {

struct LogStart {
  LogTime time;
  std::string_view timestamp_raw;
  std::string_view facility;
  std::optional<int> severity;
  std::string_view mnemonic;
  std::string_view message;
};

std::size_t token_end(std::string_view s, std::size_t i) {
  while (i < s.size() && !is_space(s[i])) ++i;
  return i;
}
std::size_t skip_blanks(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}


// "08:51:12" or "08:51:12.345678": two digits each, as EOS prints them.
bool parse_hh_mm_ss(std::string_view s, LogTime& t) {
  return s.size() >= 8 && s[2] == ':' && s[5] == ':' && parse_time_of_day(s, t);
}

// "2026-11-20T08:51:12.345678+00:00" (zone "Z" or "+hh:mm"/"-hh:mm").
bool parse_iso(std::string_view s, LogTime& t) {
  if (s.size() < 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T') return false;
  const auto y = to_int<int>(s.substr(0, 4));
  const auto mo = to_int<int>(s.substr(5, 2));
  const auto d = to_int<int>(s.substr(8, 2));
  if (!y || !mo || !d || *mo < 1 || *mo > 12 || *d < 1 || *d > 31) return false;
  std::string_view rest = s.substr(11);
  std::optional<int> offset;
  if (rest.ends_with('Z')) {
    offset = 0;
    rest.remove_suffix(1);
  } else if (rest.size() > 6 && (rest[rest.size() - 6] == '+' || rest[rest.size() - 6] == '-') &&
             rest[rest.size() - 3] == ':') {
    const auto oh = to_int<int>(rest.substr(rest.size() - 5, 2));
    const auto om = to_int<int>(rest.substr(rest.size() - 2, 2));
    if (!oh || !om) return false;
    offset = (*oh * 60 + *om) * (rest[rest.size() - 6] == '-' ? -1 : 1);
    rest.remove_suffix(6);
  }
  if (!parse_hh_mm_ss(rest, t)) return false;
  t.year = *y;
  t.month = *mo;
  t.day = *d;
  t.utc_offset_minutes = offset;
  return true;
}

// "%LINEPROTO-5-UPDOWN: text" at i.
bool parse_message_header(std::string_view line, std::size_t i, LogStart& out) {
  if (i >= line.size() || line[i] != '%') return false;
  const std::size_t colon = line.find(':', i);
  if (colon == std::string_view::npos) return false;
  const std::string_view token = line.substr(i + 1, colon - i - 1);
  for (std::size_t k = 1; k + 2 < token.size(); ++k) {
    if (token[k] == '-' && is_digit(token[k + 1]) && token[k + 2] == '-') {
      out.facility = token.substr(0, k);
      out.severity = token[k + 1] - '0';
      out.mnemonic = token.substr(k + 3);
      out.message = line.substr(skip_blanks(line, colon + 1));
      return !out.mnemonic.empty() && out.mnemonic.find(' ') == std::string_view::npos;
    }
  }
  return false;
}

std::optional<LogStart> parse_log_start(std::string_view line) {
  if (line.empty() || is_space(line[0])) return std::nullopt;
  // A relayed copy ("<165>Feb  6 08:27:14 veos01 Ebra: %LINEPROTO-...") reads the same after
  // its syslog priority.
  if (const std::size_t priority = skip_syslog_priority(line)) return parse_log_start(line.substr(priority));
  LogStart out;
  std::size_t i = 0;
  std::size_t stamp_end = 0;
  if (is_digit(line[0])) {
    stamp_end = token_end(line, 0);
    if (!parse_iso(line.substr(0, stamp_end), out.time)) return std::nullopt;
  } else {
    // "Nov 20 08:51:12[.123]"
    const std::size_t month_end = token_end(line, 0);
    out.time.month = month_from_name(line.substr(0, month_end));
    if (out.time.month == 0 || month_end != 3) return std::nullopt;
    i = skip_blanks(line, month_end);
    const std::size_t day_end = token_end(line, i);
    const auto day = to_int<int>(line.substr(i, day_end - i));
    if (!day || *day < 1 || *day > 31) return std::nullopt;
    out.time.day = *day;
    i = skip_blanks(line, day_end);
    stamp_end = token_end(line, i);
    if (!parse_hh_mm_ss(line.substr(i, stamp_end - i), out.time)) return std::nullopt;
  }
  out.timestamp_raw = line.substr(0, stamp_end);
  // host, then "agent:" (the agent may carry a pid: "Rib[1234]:").
  i = skip_blanks(line, stamp_end);
  const std::size_t host_end = token_end(line, i);
  if (host_end == i) return std::nullopt;
  i = skip_blanks(line, host_end);
  const std::size_t agent_end = token_end(line, i);
  if (agent_end == i || line[agent_end - 1] != ':') return std::nullopt;
  i = skip_blanks(line, agent_end);
  if (!parse_message_header(line, i, out)) {
    // An agent message without a "%FAC-SEV-MNEMONIC" (rare): keep it, with no id.
    out.message = line.substr(i);
  }
  return out;
}

EventRecord make_event(const LogStart& start, const Line& line) {
  EventRecord ev;
  ev.time = start.time;
  ev.timestamp_raw = std::string(start.timestamp_raw);
  ev.facility = std::string(start.facility);
  ev.severity = start.severity;
  ev.mnemonic = std::string(start.mnemonic);
  if (!ev.facility.empty()) {
    ev.message_id = make_message_id(ev.facility, start.severity.value_or(0), ev.mnemonic);
  }
  ev.message = std::string(start.message);
  ev.source = line.range();
  return ev;
}

}  // namespace

Result<ParseResult> parse_show_logging(const SectionInput& input) {
  if (auto error = cisco::find_cli_error(input.output)) {
    return fail(cisco::cli_error(*error, "show logging"));
  }
  ParseResult result;
  result.events.reserve(count_lines(input.output));
  EventRecord* current = nullptr;
  bool saw_preamble = false;

  auto finish = [&]() {
    if (current) current->interface = interface_in_message(current->message);
  };

  LineCursor cursor(input.output);
  Line line;
  while (cursor.next(line)) {
    if (is_blank(line.text)) continue;
    const std::string_view text = rtrim(line.text);
    if (auto start = parse_log_start(text)) {
      finish();
      Line trimmed = line;
      trimmed.text = text;
      result.events.push_back(make_event(*start, trimmed));
      current = &result.events.back();
      continue;
    }
    if (current) {
      append_continuation(*current, text, line.offset);
      continue;
    }
    // The configuration preamble: "Syslog logging: enabled ...", "    Buffer logging: ...",
    // "Log Buffer:" (or a wrapped buffer's first partial line).
    saw_preamble = true;
  }
  finish();

  if (result.events.empty() && saw_preamble &&
      !istarts_with(ltrim(input.output), "Syslog logging:")) {
    return fail(ErrorKind::Parse,
                "output does not look like EOS 'show logging': no preamble and no messages");
  }
  return result;
}

}  // namespace st::parse::arista
