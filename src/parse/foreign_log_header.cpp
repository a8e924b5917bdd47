#include "parse/foreign_log_header.h"

#include <array>

#include "parse/line_cursor.h"

namespace st::parse {

namespace {

constexpr std::size_t npos = std::string_view::npos;

constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

std::size_t skip_blanks(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

// "FAC/4/MNEM[(l)][[123]]:" at i ("[PHY]/5/..." too): Huawei and Comware.
std::optional<ForeignLogHeader> read_slash_header(std::string_view s, std::size_t i) {
  std::size_t f = i;
  const bool bracket = f < s.size() && s[f] == '[';
  if (bracket) ++f;
  std::size_t e = f;
  while (e < s.size() && (is_upper(s[e]) || is_digit(s[e]) || s[e] == '_')) ++e;
  if (e == f || !is_upper(s[f])) return std::nullopt;
  ForeignLogHeader h;
  h.facility = s.substr(f, e - f);
  if (bracket) {
    if (e >= s.size() || s[e] != ']') return std::nullopt;
    ++e;
  }
  if (e + 3 >= s.size() || s[e] != '/' || !is_digit(s[e + 1]) || s[e + 2] != '/') return std::nullopt;
  h.severity = s[e + 1] - '0';
  const std::size_t m = e + 3;
  std::size_t k = m;
  // The mnemonic runs to '(' (the tag), '[' (a sequence) or ':'; 3Com puts blanks in it.
  while (k < s.size() && s[k] != '(' && s[k] != '[' && s[k] != ':' && k - m < 64) {
    if (!is_alnum(s[k]) && s[k] != '_' && s[k] != ' ' && s[k] != '-') return std::nullopt;
    ++k;
  }
  if (k == m || k >= s.size()) return std::nullopt;
  h.mnemonic = rtrim(s.substr(m, k - m));
  if (s[k] == '(') {
    const std::size_t close = s.find(')', k);
    if (close == npos || close - k > 4) return std::nullopt;
    k = close + 1;
  }
  if (k < s.size() && s[k] == '[') {
    const std::size_t close = s.find(']', k);
    if (close == npos || close - k > 12) return std::nullopt;
    k = close + 1;
  }
  if (k >= s.size() || s[k] != ':') return std::nullopt;
  h.message = skip_blanks(s, k + 1);
  return h;
}

// "INTERFACE(6) text" (Alcatel-Lucent).
std::optional<ForeignLogHeader> read_paren_header(std::string_view s, std::size_t i) {
  std::size_t e = i;
  while (e < s.size() && (is_upper(s[e]) || is_digit(s[e]) || s[e] == '_')) ++e;
  if (e - i < 2 || !is_upper(s[i]) || e + 3 >= s.size() || s[e] != '(' || !is_digit(s[e + 1]) || s[e + 2] != ')' ||
      s[e + 3] != ' ') {
    return std::nullopt;
  }
  ForeignLogHeader h;
  h.facility = s.substr(i, e - i);
  h.severity = s[e + 1] - '0';
  h.message = skip_blanks(s, e + 4);
  return h;
}

// Level words: full and four-letter forms, with their syslog severities.
std::optional<int> level_severity(std::string_view word) {
  struct Level {
    std::string_view name;
    int severity;
  };
  static constexpr std::array<Level, 12> kLevels = {{{"EMERG", 0},
                                                     {"ALERT", 1},
                                                     {"CRIT", 2},
                                                     {"CRITICAL", 2},
                                                     {"ERROR", 3},
                                                     {"ERRO", 3},
                                                     {"WARN", 4},
                                                     {"WARNING", 4},
                                                     {"NOTICE", 5},
                                                     {"NOTI", 5},
                                                     {"INFO", 6},
                                                     {"DEBUG", 7}}};
  for (const auto& level : kLevels) {
    if (iequals(word, level.name)) return level.severity;
  }
  return std::nullopt;
}

// "<Info:vlan.msgs.portLinkStateDown> text" (Extreme EXOS).
std::optional<ForeignLogHeader> read_angle_header(std::string_view s, std::size_t i) {
  if (i >= s.size() || s[i] != '<') return std::nullopt;
  const std::size_t colon = s.find(':', i);
  const std::size_t close = s.find('>', i);
  if (colon == npos || close == npos || colon > close || close - i > 96) return std::nullopt;
  const auto severity = level_severity(s.substr(i + 1, colon - i - 1));
  if (!severity) return std::nullopt;
  const std::string_view id = s.substr(colon + 1, close - colon - 1);
  const std::size_t dot = id.find('.');
  if (dot == npos || dot == 0 || id.find(' ') != npos) return std::nullopt;
  ForeignLogHeader h;
  h.facility = id.substr(0, dot);
  h.severity = severity;
  h.mnemonic = id.substr(dot + 1);
  h.message = skip_blanks(s, close + 1);
  return h;
}

// "INFO: text", "WARN(4) text" (upper case only: "Info:" in prose is not a header).
std::optional<ForeignLogHeader> read_level_word(std::string_view s, std::size_t i) {
  std::size_t e = i;
  while (e < s.size() && is_upper(s[e])) ++e;
  if (e == i || e >= s.size()) return std::nullopt;
  const auto severity = level_severity(s.substr(i, e - i));
  if (!severity) return std::nullopt;
  std::size_t k = e;
  if (s[k] == '(') {
    if (k + 2 >= s.size() || !is_digit(s[k + 1]) || s[k + 2] != ')') return std::nullopt;
    k += 3;
    if (k < s.size() && s[k] == ':') ++k;
  } else if (s[k] == ':') {
    ++k;
  } else {
    return std::nullopt;
  }
  if (k < s.size() && s[k] != ' ') return std::nullopt;
  ForeignLogHeader h;
  h.severity = severity;
  h.message = skip_blanks(s, k);
  return h;
}

// "%%01" / "%%10" followed by a facility, at a word start at or after i.
std::optional<ForeignLogHeader> find_percent_header(std::string_view s, std::size_t i) {
  for (std::size_t at = s.find("%%", i); at != npos && at < 160; at = s.find("%%", at + 2)) {
    if (at > 0 && s[at - 1] != ' ') continue;
    std::size_t f = at + 2;
    while (f < s.size() && is_digit(s[f]) && f - at - 2 < 2) ++f;
    if (auto h = read_slash_header(s, f)) return h;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ForeignLogHeader> read_foreign_log_header(std::string_view line, std::size_t body) {
  if (auto h = find_percent_header(line, body)) return h;
  std::size_t at = skip_blanks(line, body);
  // The body, then past up to two host words ("Teh", "3Com Baseline Switch" less one).
  for (int words = 0; words < 3 && at < line.size(); ++words) {
    if (words == 0) {
      if (auto h = read_level_word(line, at)) return h;  // before "WARN(4)" reads as Alcatel's
    }
    if (auto h = read_slash_header(line, at)) return h;
    if (auto h = read_paren_header(line, at)) return h;
    if (auto h = read_angle_header(line, at)) return h;
    const std::size_t blank = line.find(' ', at);
    if (blank == npos) break;
    at = skip_blanks(line, blank);
  }
  return std::nullopt;
}

}  // namespace st::parse
