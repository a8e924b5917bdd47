// `show interfaces brief` (FastIron) -> one InterfaceRecord per row.
//
// Columns: Port Link State Dupl Speed Trunk Tag Pvid Pri MAC Name. The first ten are single
// words; Name is the rest of the line (it may hold blanks, and is cut at 8-10 characters by the
// device). Status is the Link column in our common vocabulary: Up -> connected, Down ->
// notconnect, Disable -> disabled, ERR-DIS -> err-disabled (others lower-cased as printed).
// Vlan is Pvid as printed ("N/A" on tagged-only ports); Type is not printed.
#include <vector>

#include <fmt/format.h>

#include "parse/brocade/brocade_parsers.h"
#include "parse/cisco/cli_error.h"
#include "parse/interface_name.h"
#include "parse/line_cursor.h"

namespace st::parse::brocade {

namespace {

std::string status_from_link(std::string_view link) {
  if (iequals(link, "Up")) return "connected";
  if (iequals(link, "Down")) return "notconnect";
  if (iequals(link, "Disable") || iequals(link, "Disabled")) return "disabled";
  if (iequals(link, "ERR-DIS")) return "err-disabled";
  std::string out(link);
  for (char& c : out) c = to_lower(c);
  return out;
}

// "1/1/1", "1", "mgmt1", "lg1", "ve10": starts with a letter or digit and holds a digit.
bool looks_like_port(std::string_view s) {
  if (s.empty() || !is_alnum(s.front())) return false;
  for (char c : s) {
    if (is_digit(c)) return true;
  }
  return false;
}

bool is_mac(std::string_view s) {
  if (s.size() != 14 || s[4] != '.' || s[9] != '.') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i == 4 || i == 9) continue;
    const char c = to_lower(s[i]);
    if (!is_digit(c) && !(c >= 'a' && c <= 'f')) return false;
  }
  return true;
}

}  // namespace

Result<ParseResult> parse_show_interfaces_brief(const SectionInput& input) {
  if (auto error = cisco::find_cli_error(input.output)) {
    return fail(cisco::cli_error(*error, "show interfaces brief"));
  }
  ParseResult result;
  std::vector<Token> tokens;
  tokens.reserve(16);
  result.interfaces.reserve(count_lines(input.output));
  bool saw_header = false;

  LineCursor cursor(input.output);
  Line line;
  while (cursor.next(line)) {
    const std::string_view text = rtrim(line.text);
    if (is_blank(text)) continue;
    tokenize(text, tokens);
    if (tokens.size() >= 10 && tokens[0].text == "Port" && tokens[1].text == "Link") {
      saw_header = true;
      continue;
    }
    // Port Link State Dupl Speed Trunk Tag Pvid Pri MAC [Name...]
    if (tokens.size() < 10 || !looks_like_port(tokens[0].text) ||
        !(is_mac(tokens[9].text) || tokens[9].text == "None")) {
      ++result.skipped_lines;
      result.warnings.push_back(
          {line.range(), fmt::format("line {}: not an interface brief row", line.number)});
      continue;
    }
    InterfaceRecord rec;
    rec.name_raw = std::string(tokens[0].text);
    rec.name = canonical_interface_name(tokens[0].text);
    rec.status = status_from_link(tokens[1].text);
    rec.duplex = std::string(tokens[3].text);
    rec.speed = std::string(tokens[4].text);
    rec.vlan = std::string(tokens[7].text);
    if (tokens.size() > 10) {
      rec.description = std::string(trim(text.substr(tokens[10].begin)));
    }
    rec.source = ByteRange{line.offset, text.size()};
    result.interfaces.push_back(std::move(rec));
  }

  if (!saw_header && result.interfaces.empty() && !is_blank(input.output)) {
    return fail(ErrorKind::Parse,
                "output does not look like FastIron 'show interfaces brief': no header and no rows");
  }
  return result;
}

}  // namespace st::parse::brocade
