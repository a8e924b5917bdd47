#include "parse/syslog_relay_prefix.h"

#include "parse/line_cursor.h"

namespace st::parse {

namespace {

constexpr std::size_t npos = std::string_view::npos;

std::size_t skip_blanks(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

std::size_t skip_digits(std::string_view s, std::size_t i) {
  while (i < s.size() && is_digit(s[i])) ++i;
  return i;
}

constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// "hh:mm:ss[.fff]" at i (a glued closing ':' is left in place): the position after it.
std::optional<std::size_t> read_time_of_day(std::string_view line, std::size_t i, LogTime& t) {
  std::size_t e = i;
  while (e < line.size() && (is_digit(line[e]) || line[e] == ':' || line[e] == '.')) ++e;
  std::string_view text = line.substr(i, e - i);
  if (text.ends_with(':')) {
    text.remove_suffix(1);
    --e;
  }
  if (text.size() < 7 || !parse_time_of_day(text, t)) return std::nullopt;
  return e;
}

// " MSK:" after a time: a zone closed by the message's ':' (IOS and NX-OS print it so).
std::size_t read_zone(std::string_view line, std::size_t i, LogTime& t) {
  if (i >= line.size() || line[i] != ' ') return i;
  const std::size_t z = i + 1;
  std::size_t e = z;
  while (e < line.size() && is_upper(line[e])) ++e;
  if (e - z < 2 || e - z > 5 || e >= line.size() || line[e] != ':') return i;
  t.utc_offset_minutes = zone_offset_minutes(line.substr(z, e - z));
  return e;
}

// "Nov 14 08:30:56.699", "Jan 24 2014 15:21:39" or "Feb 11 12:39:18 2013" (BSD, optional year).
std::optional<std::size_t> read_bsd_time(std::string_view line, std::size_t i, LogTime& t) {
  if (i + 3 >= line.size() || !is_alpha(line[i]) || line[i + 3] != ' ') return std::nullopt;
  t.month = month_from_name(line.substr(i, 3));
  if (t.month == 0) return std::nullopt;
  std::size_t j = skip_blanks(line, i + 3);
  std::size_t k = skip_digits(line, j);
  if (k == j || k - j > 2 || k >= line.size() || line[k] != ' ') return std::nullopt;
  t.day = *to_int<int>(line.substr(j, k - j));
  j = skip_blanks(line, k);
  k = skip_digits(line, j);
  if (k - j == 4 && k < line.size() && line[k] == ' ') {
    t.year = to_int<int>(line.substr(j, 4));
    j = skip_blanks(line, k);
  }
  auto end = read_time_of_day(line, j, t);
  if (!end) return std::nullopt;
  // Comware prints the year after the time: "Feb 11 12:39:18 2013 Teh %%10IFNET/...".
  if (!t.year && *end + 5 < line.size() && line[*end] == ' ' && skip_digits(line, *end + 1) == *end + 5 &&
      line[*end + 5] == ' ') {
    t.year = to_int<int>(line.substr(*end + 1, 4));
    *end += 5;
  }
  return read_zone(line, *end, t);
}

// "2018 Apr 20 13:15:07" (NX-OS: the year first).
std::optional<std::size_t> read_nxos_time(std::string_view line, std::size_t i, LogTime& t) {
  const std::size_t k = skip_digits(line, i);
  if (k - i != 4 || k >= line.size() || line[k] != ' ') return std::nullopt;
  const auto year = to_int<int>(line.substr(i, 4));
  auto end = read_bsd_time(line, k + 1, t);
  if (!end || t.year) return std::nullopt;
  t.year = year;
  return end;
}

// "05/16/2015 21:39:57[.82]" (month/day/year).
std::optional<std::size_t> read_numeric_time(std::string_view line, std::size_t i, LogTime& t) {
  const std::size_t m = skip_digits(line, i);
  if (m - i < 1 || m - i > 2 || m >= line.size() || line[m] != '/') return std::nullopt;
  const std::size_t d = skip_digits(line, m + 1);
  if (d - m - 1 < 1 || d - m - 1 > 2 || d >= line.size() || line[d] != '/') return std::nullopt;
  const std::size_t y = skip_digits(line, d + 1);
  if (y - d - 1 != 4 || y >= line.size() || line[y] != ' ') return std::nullopt;
  t.month = *to_int<int>(line.substr(i, m - i));
  t.day = *to_int<int>(line.substr(m + 1, d - m - 1));
  t.year = to_int<int>(line.substr(d + 1, 4));
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31) return std::nullopt;
  return read_time_of_day(line, y + 1, t);
}

// "2020-11-04T07:05:36[.123][Z|+00:00]".
std::optional<std::size_t> read_iso_time(std::string_view line, std::size_t i, LogTime& t) {
  if (i + 19 > line.size() || line[i + 4] != '-' || line[i + 7] != '-' || line[i + 10] != 'T') return std::nullopt;
  const auto y = to_int<int>(line.substr(i, 4));
  const auto mo = to_int<int>(line.substr(i + 5, 2));
  const auto d = to_int<int>(line.substr(i + 8, 2));
  if (!y || !mo || !d || *mo < 1 || *mo > 12 || *d < 1 || *d > 31) return std::nullopt;
  std::size_t e = i + 11;
  while (e < line.size() && (is_digit(line[e]) || line[e] == ':' || line[e] == '.')) ++e;
  if (!parse_time_of_day(line.substr(i + 11, e - i - 11), t)) return std::nullopt;
  t.year = *y;
  t.month = *mo;
  t.day = *d;
  if (e < line.size() && line[e] == 'Z') {
    t.utc_offset_minutes = 0;
    ++e;
  } else if (e + 6 <= line.size() && (line[e] == '+' || line[e] == '-') && line[e + 3] == ':') {
    const auto oh = to_int<int>(line.substr(e + 1, 2));
    const auto om = to_int<int>(line.substr(e + 4, 2));
    if (oh && om) t.utc_offset_minutes = (*oh * 60 + *om) * (line[e] == '-' ? -1 : 1);
    e += 6;
  }
  return e;
}

std::optional<std::size_t> read_time(std::string_view line, std::size_t i, LogTime& t) {
  if (is_alpha(line[i])) return read_bsd_time(line, i, t);
  if (!is_digit(line[i])) return std::nullopt;
  if (auto e = read_iso_time(line, i, t = {})) return e;
  if (auto e = read_nxos_time(line, i, t = {})) return e;
  return read_numeric_time(line, i, t = {});
}

// "RP/0/RSP0/CPU0", "LC/0/2/CPU0": an IOS-XR node.
bool is_xr_node(std::string_view s) {
  if (s.size() < 4 || s.find('/') == npos || !is_upper(s.front())) return false;
  for (char c : s) {
    if (!is_upper(c) && !is_digit(c) && c != '/') return false;
  }
  return true;
}

// The next token is an IOS-XR node glued to its time: "LC/0/2/CPU0:Jul".
bool xr_node_follows(std::string_view line, std::size_t i) {
  i = skip_blanks(line, i);
  std::size_t e = i;
  while (e < line.size() && !is_space(line[e])) ++e;
  const std::string_view token = line.substr(i, e - i);
  const std::size_t colon = token.find(':');
  return colon != npos && colon + 1 < token.size() && is_xr_node(token.substr(0, colon));
}

// "ifmgr[214]", "exec[65850]", "eswd[2902]".
bool is_process(std::string_view s) {
  const std::size_t open = s.find('[');
  if (open == npos || open == 0 || !s.ends_with(']') || s.size() - open < 3) return false;
  for (std::size_t k = 0; k < open; ++k) {
    if (!is_alnum(s[k]) && s[k] != '_' && s[k] != '-' && s[k] != '.') return false;
  }
  return all_digits(s.substr(open + 1, s.size() - open - 2));
}

// A message header rather than a host: "LINK-3-UPDOWN" (an upper-case facility before
// "-<digit>-") or a Junos tag ("SNMP_TRAP_LINK_DOWN": upper case with an underscore).
bool is_header_like(std::string_view s) {
  bool upper_only = true, underscore = false;
  for (std::size_t k = 0; k < s.size(); ++k) {
    const char c = s[k];
    if (c == '-' && k > 0 && upper_only && k + 2 < s.size() && is_digit(s[k + 1]) && s[k + 2] == '-') return true;
    if (c == '_') underscore = true;
    else if (!is_upper(c) && !is_digit(c)) upper_only = false;
  }
  return upper_only && underscore;
}

// "router1", "nexus-switch", "sw01.test", "192.168.32.16".
bool is_host(std::string_view s) {
  if (s.empty() || s.size() > 64 || !is_alnum(s.front()) || is_header_like(s)) return false;
  for (char c : s) {
    if (!is_alnum(c) && c != '-' && c != '.' && c != '_') return false;
  }
  return true;
}

}  // namespace

std::size_t skip_syslog_priority(std::string_view line) {
  if (line.size() < 3 || line[0] != '<') return 0;
  const std::size_t e = skip_digits(line, 1);
  if (e == 1 || e - 1 > 3 || e >= line.size() || line[e] != '>') return 0;
  return e + 1;
}

SyslogRelayPrefix scan_syslog_relay_prefix(std::string_view line) {
  SyslogRelayPrefix out;
  const std::size_t n = line.size();
  std::size_t i = skip_syslog_priority(line);
  out.priority = i > 0;
  bool host_seen = false;
  // A prefix has a handful of parts; the bound keeps a wrapped text line from being walked.
  for (int part = 0; part < 8 && i < n; ++part) {
    i = skip_blanks(line, i);
    if (i >= n) break;
    const char c = line[i];
    if (c == '*' || c == '.') {
      if (i + 1 < n && is_alnum(line[i + 1])) {
        ++i;
        continue;
      }
      break;
    }
    if (c == ':' && (i + 1 == n || is_space(line[i + 1]))) {  // IOS-XR "time : proc", NX-OS ": time"
      ++i;
      continue;
    }
    if (!out.timed) {
      LogTime t;
      if (auto end = read_time(line, i, t)) {
        out.time = t;
        out.timed = true;
        out.timestamp_raw = line.substr(i, *end - i);
        i = *end;
        if (i < n && line[i] == ':') ++i;
        continue;
      }
    }
    std::size_t e = i;
    while (e < n && !is_space(line[e])) ++e;
    const std::string_view token = line.substr(i, e - i);
    const std::size_t colon = token.find(':');
    if (!out.timed && colon != npos && colon + 1 < token.size() && is_xr_node(token.substr(0, colon))) {
      i += colon + 1;  // "RP/0/RSP0/CPU0:Jul 20 ...": the time follows the node
      continue;
    }
    if (token.size() > 1 && token.back() == ':') {
      const std::string_view body = token.substr(0, token.size() - 1);
      if (!out.sequence && !out.timed && all_digits(body) && body.size() <= 12) {
        out.sequence = to_int<std::int64_t>(body);
        i = e;
        continue;
      }
      // After the host, a plain word is the agent ("veos01 Ebra: %LINEPROTO-...").
      if (is_process(body) || is_host(body)) {
        host_seen = true;
        i = e;
        continue;
      }
      break;
    }
    // A host without a colon only after the time and before more text ("nexus-switch %ETH..."),
    // or before an IOS-XR node ("gw2 LC/0/2/CPU0:Jul  7 ...").
    if (!host_seen && e < n && is_host(token) && (out.timed || xr_node_follows(line, e))) {
      host_seen = true;
      i = e;
      continue;
    }
    break;
  }
  out.body = skip_blanks(line, i);
  if (!out.timed) out.time.uptime_only = true;
  return out;
}

}  // namespace st::parse
