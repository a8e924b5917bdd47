// `show logging` (FastIron) -> one EventRecord per buffered message.
//
// FastIron prints "<time>:<L>:<Facility>: text", where <time> is "Nov 20 08:51:12" or an uptime
// "0d02h11m33s" and <L> a level letter, and no "%FAC-SEV-MNEMONIC". We give each message:
//   facility   the text between the level letter and the next ':', upper-cased, blanks as '_'
//              ("System" -> "SYSTEM", "DOT1X", "PORT");
//   severity   from the level letter: M=0 emergency, A=1 alert, C=2 critical, E=3 error,
//              W=4 warning, N=5 notification, I=6 informational, D=7 debugging;
//   mnemonic   our own, derived from the message text (case-insensitive, whole words):
//              "state down" or "is down" -> LINK_DOWN; "state up" or "is up" -> LINK_UP;
//              anything else -> MSG;
//   message_id "FACILITY-SEVERITY-MNEMONIC", e.g. "SYSTEM-6-LINK_DOWN", "DOT1X-4-MSG".
// The rule is documented for users in docs/brocade-log-ids.md and has a data version in
// rules/parsers/ruckus_fastiron_show_logging.json; change all three together.
// Relayed copies ("[<14>]Nov  6 13:36:45 HOST System: Interface ethernet 1/1/36, state down")
// carry a host and no level letter: same facility and mnemonic, no severity
// ("SYSTEM-LINK_DOWN").
// Lines before the first message (the "Syslog logging:" preamble, the level-code legend) and
// the "Static/Dynamic Log Buffer" headers are not messages; other lines continue a message.
#include <algorithm>

#include <fmt/format.h>

#include "parse/brocade/brocade_parsers.h"
#include "parse/cisco/cli_error.h"
#include "parse/interface_name.h"
#include "parse/line_cursor.h"
#include "parse/syslog_relay_prefix.h"

namespace st::parse::brocade {

namespace {

struct LogStart {
  LogTime time;
  std::string_view timestamp_raw;
  std::string facility;
  int severity = -1;
  std::string_view message;
};

std::size_t skip_blanks(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}


// "0d02h11m33s", "12d4h", "1y2d03h": digits each followed by one of y d h m s.
bool is_uptime(std::string_view s) {
  if (s.empty() || !is_digit(s.front()) || is_digit(s.back())) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (is_digit(c)) continue;
    if ((c != 'y' && c != 'd' && c != 'h' && c != 'm' && c != 's') || !is_digit(s[i - 1])) {
      return false;
    }
  }
  return true;
}

// A syslog relay's copy of a message: "[<14>]Nov  6 13:36:45 HOST Facility: text" (host and
// no level letter), from i, the end of the time. The severity stays unknown.
bool parse_relay_rest(std::string_view line, std::size_t i, LogStart& out) {
  if (i >= line.size() || line[i] != ' ') return false;
  i = skip_blanks(line, i);
  std::size_t e = i;
  while (e < line.size() && !is_space(line[e])) ++e;
  if (e == i || line[e - 1] == ':') return false;  // a host, not a facility
  i = skip_blanks(line, e);
  const std::size_t fac_end = line.find(':', i);
  if (fac_end == std::string_view::npos || fac_end == i || fac_end - i > 16) return false;
  for (std::size_t k = i; k < fac_end; ++k) {
    if (!is_alnum(line[k]) && line[k] != '_') return false;
    out.facility.push_back(line[k] >= 'a' && line[k] <= 'z' ? static_cast<char>(line[k] - 'a' + 'A') : line[k]);
  }
  if (fac_end + 1 < line.size() && line[fac_end + 1] != ' ') return false;
  out.message = line.substr(skip_blanks(line, fac_end + 1));
  return true;
}

std::optional<LogStart> parse_log_start(std::string_view line) {
  if (line.empty() || is_space(line[0])) return std::nullopt;
  if (const std::size_t priority = skip_syslog_priority(line)) return parse_log_start(line.substr(priority));
  LogStart out;
  std::size_t i = 0;
  if (is_alpha(line[0])) {
    // "Nov 20 08:51:12:" (the day may be space-padded: "Jan  1 00:00:23:")
    if (line.size() < 16) return std::nullopt;
    out.time.month = month_from_name(line.substr(0, 3));
    if (out.time.month == 0 || line[3] != ' ') return std::nullopt;
    i = skip_blanks(line, 3);
    std::size_t d = i;
    while (d < line.size() && is_digit(line[d])) ++d;
    const auto day = to_int<int>(line.substr(i, d - i));
    if (!day || *day < 1 || *day > 31 || d >= line.size() || line[d] != ' ') return std::nullopt;
    out.time.day = *day;
    i = skip_blanks(line, d);
    if (i + 8 > line.size() || line[i + 2] != ':' || !parse_time_of_day(line.substr(i, 8), out.time)) return std::nullopt;
    i += 8;
  } else if (is_digit(line[0])) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || !is_uptime(line.substr(0, colon))) return std::nullopt;
    out.time.uptime_only = true;
    i = colon;
  } else {
    return std::nullopt;
  }
  if (!out.time.uptime_only && parse_relay_rest(line, i, out)) {
    out.timestamp_raw = line.substr(0, i);
    return out;
  }
  // ":<L>:<Facility>:"
  if (i + 3 > line.size() || line[i] != ':' || !is_alpha(line[i + 1]) || line[i + 2] != ':') {
    return std::nullopt;
  }
  out.timestamp_raw = line.substr(0, i);
  out.severity = severity_from_level(line[i + 1]);
  if (out.severity < 0) return std::nullopt;
  const std::size_t fac_begin = i + 3;
  const std::size_t fac_end = line.find(':', fac_begin);
  if (fac_end == std::string_view::npos || fac_end == fac_begin || fac_end - fac_begin > 32) {
    return std::nullopt;
  }
  for (char c : trim(line.substr(fac_begin, fac_end - fac_begin))) {
    if (c == ' ') {
      out.facility.push_back('_');
    } else if (is_alnum(c) || c == '_' || c == '-' || c == '.') {
      out.facility.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    } else {
      return std::nullopt;
    }
  }
  if (out.facility.empty()) return std::nullopt;
  out.message = line.substr(skip_blanks(line, fac_end + 1));
  return out;
}

// "1/1/5" in "PORT: 1/1/5 is down" or "Port 1/1/7 - mac ...": a slotted number standing alone.
std::optional<std::string> bare_port(std::string_view message) {
  std::size_t i = 0;
  while (i < message.size()) {
    while (i < message.size() && is_space(message[i])) ++i;
    std::size_t e = i;
    while (e < message.size() && !is_space(message[e])) ++e;
    std::string_view word = message.substr(i, e - i);
    while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.remove_suffix(1);
    const std::size_t slashes = static_cast<std::size_t>(std::count(word.begin(), word.end(), '/'));
    bool ok = slashes >= 1 && slashes <= 2 && is_digit(word.front()) && is_digit(word.back());
    for (char c : word) ok = ok && (is_digit(c) || c == '/');
    if (ok) return std::string(word);
    i = e;
  }
  return std::nullopt;
}

EventRecord make_event(LogStart start, const Line& line) {
  EventRecord ev;
  ev.time = start.time;
  ev.timestamp_raw = std::string(start.timestamp_raw);
  ev.facility = std::move(start.facility);
  if (start.severity >= 0) ev.severity = start.severity;  // a relayed line prints no level
  ev.mnemonic = std::string(derive_mnemonic(start.message));
  ev.message_id = make_message_id(ev.facility, ev.severity, ev.mnemonic);
  ev.message = std::string(start.message);
  ev.source = line.range();
  return ev;
}

}  // namespace

int severity_from_level(char level) {
  switch (level) {
    case 'M': return 0;
    case 'A': return 1;
    case 'C': return 2;
    case 'E': return 3;
    case 'W': return 4;
    case 'N': return 5;
    case 'I': return 6;
    case 'D': return 7;
    default: return -1;
  }
}

std::string_view derive_mnemonic(std::string_view message) {
  // One pass over the words (runs of letters and digits); a phrase is two words with one
  // blank between them, compared without case. Every log line goes through here.
  bool is_down = false, state_down = false, is_up = false, state_up = false, is_ok = false, failed = false;
  bool power_supply = false, fan = false;
  std::string_view previous;
  bool previous_adjacent = false;  // exactly one blank between the previous word and this one
  std::size_t i = 0;
  const std::size_t n = message.size();
  while (i < n) {
    if (!is_alnum(message[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < n && is_alnum(message[end])) ++end;
    const std::string_view word = message.substr(i, end - i);
    const bool pair = previous_adjacent && !previous.empty();
    if (iequals(word, "down")) {
      is_down = is_down || (pair && iequals(previous, "is"));
      state_down = state_down || (pair && iequals(previous, "state"));
    } else if (iequals(word, "up")) {
      is_up = is_up || (pair && iequals(previous, "is"));
      state_up = state_up || (pair && iequals(previous, "state"));
    } else if (iequals(word, "ok")) {
      is_ok = is_ok || (pair && iequals(previous, "is"));
    } else if (iequals(word, "failed")) {
      failed = true;
    } else if (iequals(word, "supply")) {
      power_supply = power_supply || (pair && iequals(previous, "power"));
    } else if (iequals(word, "fan")) {
      fan = true;
    }
    previous = word;
    previous_adjacent = end + 1 < n && message[end] == ' ' && is_alnum(message[end + 1]);
    i = end;
  }
  // A power supply or fan "is down" is hardware, not a link.
  const bool down = is_down || failed;
  const bool up = is_up || is_ok;
  if (power_supply && (down || up)) return down ? "POWER_SUPPLY_DOWN" : "POWER_SUPPLY_UP";
  if (fan && (down || up)) return down ? "FAN_DOWN" : "FAN_UP";
  if (state_down || is_down) return "LINK_DOWN";
  if (state_up || is_up) return "LINK_UP";
  return "MSG";
}

Result<ParseResult> parse_show_logging(const SectionInput& input) {
  if (auto error = cisco::find_cli_error(input.output)) {
    return fail(cisco::cli_error(*error, "show logging"));
  }
  ParseResult result;
  result.events.reserve(count_lines(input.output));
  EventRecord* current = nullptr;
  bool saw_preamble = false;

  auto finish = [&]() {
    if (!current) return;
    // FastIron ports are bare "1/1/5" (after "ethernet", "Port" or alone): look for one first.
    current->interface = bare_port(current->message);
    if (!current->interface) current->interface = interface_in_message(current->message);
  };

  LineCursor cursor(input.output);
  Line line;
  while (cursor.next(line)) {
    const std::string_view text = rtrim(line.text);
    if (is_blank(text)) continue;
    if (auto start = parse_log_start(text)) {
      finish();
      Line trimmed = line;
      trimmed.text = text;
      result.events.push_back(make_event(std::move(*start), trimmed));
      current = &result.events.back();
      continue;
    }
    const std::string_view stripped = trim(text);
    if (stripped.find("Log Buffer") != std::string_view::npos && stripped.ends_with(':')) {
      finish();
      current = nullptr;  // "Static Log Buffer:", "Dynamic Log Buffer (50 lines):"
      saw_preamble = true;
      continue;
    }
    if (current) {
      append_continuation(*current, text, line.offset);
      continue;
    }
    saw_preamble = true;
  }
  finish();

  if (result.events.empty() && saw_preamble &&
      !istarts_with(ltrim(input.output), "Syslog logging:")) {
    return fail(ErrorKind::Parse,
                "output does not look like FastIron 'show logging': no preamble and no messages");
  }
  return result;
}

}  // namespace st::parse::brocade
