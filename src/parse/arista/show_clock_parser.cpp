// `show clock` (EOS) -> ClockReading. EOS prints the weekday first and the year last, and names
// the zone on a line of its own:
//   Thu Nov 20 09:00:36 2026            (4.2x: then "Timezone: UTC" and "Clock source: NTP server (...)")
//   Mon Jan 14 18:42:49 2013            (older: then "timezone is US/Central")
// A zone we know ("UTC", "GMT", "+02:00") sets the offset; a region name ("US/Central") leaves it
// unknown, so the time resolves as zone_assumed. `raw` is the time line as printed.
#include <array>

#include "parse/arista/arista_parsers.h"
#include "parse/cisco/cli_error.h"
#include "parse/line_cursor.h"

namespace st::parse::arista {

namespace {

bool is_weekday(std::string_view s) {
  static constexpr std::array<std::string_view, 7> kDays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  for (const auto day : kDays) {
    if (iequals(s, day)) return true;
  }
  return false;
}


// "Thu Nov 20 09:00:36 2026" -> LogTime without a zone, or nullopt.
std::optional<LogTime> parse_time_line(std::string_view text, std::vector<Token>& tokens) {
  tokenize(text, tokens);
  if (tokens.size() != 5 || !is_weekday(tokens[0].text)) return std::nullopt;
  LogTime t;
  t.month = month_from_name(tokens[1].text);
  const auto day = to_int<int>(tokens[2].text);
  const auto year = to_int<int>(tokens[4].text);
  if (t.month == 0 || !day || *day < 1 || *day > 31 || !year || *year < 1970) return std::nullopt;
  if (tokens[3].text.size() != 8 || !parse_time_of_day(tokens[3].text, t)) return std::nullopt;  // EOS: 18:42:49
  t.day = *day;
  t.year = *year;
  return t;
}

// "Timezone: UTC" or "timezone is US/Central" -> the zone text; nullopt for other lines.
std::optional<std::string_view> zone_of(std::string_view line) {
  line = trim(line);
  constexpr std::string_view kLabels[] = {"Timezone:", "timezone is "};
  for (const auto label : kLabels) {
    if (istarts_with(line, label)) return trim(line.substr(label.size()));
  }
  return std::nullopt;
}

}  // namespace

Result<ParseResult> parse_show_clock(const SectionInput& input) {
  if (auto error = cisco::find_cli_error(input.output)) return fail(cisco::cli_error(*error, "show clock"));
  ParseResult result;
  LineCursor cursor(input.output);
  Line line;
  std::vector<Token> tokens;
  while (cursor.next(line)) {
    if (is_blank(line.text)) continue;
    if (!result.clock) {
      if (auto time = parse_time_line(line.text, tokens)) {
        result.clock = ClockReading{*time, std::string(trim(line.text))};
        continue;
      }
    } else if (auto zone = zone_of(line.text)) {
      result.clock->time.utc_offset_minutes = zone_offset_minutes(*zone);
      continue;
    }
    // "Clock source: NTP server (10.1.1.1)" says where the time comes from; nothing to keep.
    if (!istarts_with(ltrim(line.text), "Clock source:")) ++result.skipped_lines;
  }
  if (!result.clock) {
    if (is_blank(input.output)) {
      result.warnings.push_back({ByteRange{0, input.output.size()}, "empty show clock output"});
      return result;
    }
    return fail(ErrorKind::Parse, "output does not look like EOS 'show clock': no 'Day Mon DD HH:MM:SS YYYY' line");
  }
  return result;
}

}  // namespace st::parse::arista
