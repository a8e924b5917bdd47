// `show clock` -> ClockReading: "*10:15:32.123 UTC Mon Jun 19 2023". A leading '*' (time
// not authoritative) or '.' (authoritative but NTP not synchronised) is kept in `raw`.
#include <array>

#include "parse/cisco/cisco_parsers.h"
#include "parse/cisco/cli_error.h"
#include "parse/line_cursor.h"

namespace st::parse::cisco {

namespace {

bool is_weekday(std::string_view s) {
  static constexpr std::array<std::string_view, 7> kDays = {"Mon", "Tue", "Wed", "Thu",
                                                            "Fri", "Sat", "Sun"};
  for (const auto day : kDays) {
    if (iequals(s, day)) return true;
  }
  return false;
}

// "10:15:32" or "10:15:32.123" into hour/minute/second/millis.
bool parse_clock_time(std::string_view s, LogTime& t) {
  if (s.size() < 8 || s[2] != ':' || s[5] != ':') return false;
  const auto h = to_int<int>(s.substr(0, 2));
  const auto m = to_int<int>(s.substr(3, 2));
  const auto sec = to_int<int>(s.substr(6, 2));
  if (!h || !m || !sec || *h > 23 || *m > 59 || *sec > 60) return false;
  t.hour = *h;
  t.minute = *m;
  t.second = *sec;
  if (s.size() == 8) return true;
  if (s[8] != '.' || s.size() == 9) return false;
  std::string_view frac = s.substr(9);
  if (!all_digits(frac)) return false;
  int millis = 0;
  for (std::size_t i = 0; i < 3; ++i) millis = millis * 10 + (i < frac.size() ? frac[i] - '0' : 0);
  t.millis = millis;
  return true;
}

// One clock line, or nullopt when the line is not one.
std::optional<LogTime> parse_clock_line(std::string_view text) {
  std::string_view s = trim(text);
  if (!s.empty() && (s.front() == '*' || s.front() == '.')) s.remove_prefix(1);
  std::vector<Token> tokens;
  tokenize(s, tokens);
  // time [zone...] weekday month day year
  if (tokens.size() < 5) return std::nullopt;
  LogTime t;
  if (!parse_clock_time(tokens[0].text, t)) return std::nullopt;
  const std::size_t n = tokens.size();
  if (!is_weekday(tokens[n - 4].text)) return std::nullopt;
  t.month = month_from_name(tokens[n - 3].text);
  const auto day = to_int<int>(tokens[n - 2].text);
  const auto year = to_int<int>(tokens[n - 1].text);
  if (t.month == 0 || !day || *day < 1 || *day > 31 || !year || *year < 1970) return std::nullopt;
  t.day = *day;
  t.year = *year;
  if (n - 4 > 1) {
    // The zone is whatever sits between the time and the weekday ("UTC", "MET-DST").
    const std::size_t zone_begin = tokens[1].begin;
    const std::string_view zone = rtrim(s.substr(zone_begin, tokens[n - 4].begin - zone_begin));
    t.utc_offset_minutes = zone_offset_minutes(zone);
  }
  return t;
}

}  // namespace

Result<ParseResult> parse_show_clock(const SectionInput& input) {
  if (auto error = find_cli_error(input.output)) return fail(cli_error(*error, "show clock"));
  ParseResult result;
  LineCursor cursor(input.output);
  Line line;
  while (cursor.next(line)) {
    if (is_blank(line.text)) continue;
    if (!result.clock) {
      if (auto time = parse_clock_line(line.text)) {
        result.clock = ClockReading{*time, std::string(trim(line.text))};
        continue;
      }
    }
    // "Time source is NTP" (show clock detail) is expected; anything else is not used.
    if (!istarts_with(ltrim(line.text), "Time source is")) ++result.skipped_lines;
  }
  if (!result.clock) {
    if (is_blank(input.output)) {
      result.warnings.push_back({ByteRange{0, input.output.size()}, "empty show clock output"});
      return result;
    }
    return fail(ErrorKind::Parse,
                "output does not look like 'show clock': no 'HH:MM:SS ZONE Day Mon DD YYYY' line");
  }
  return result;
}

}  // namespace st::parse::cisco
