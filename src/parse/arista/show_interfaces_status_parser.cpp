// `show interfaces status` (EOS) -> one InterfaceRecord per row.
//
// Columns: Port Name Status Vlan Duplex Speed Type [Flags] [Encapsulation]. The status word
// anchors each row: it is the known status token (connected, notconnect, disabled,
// errdisabled, inactive, ...) followed by a valid "Vlan Duplex Speed Type" tail, closest to the
// header's Status column, so descriptions holding blanks or status words still parse. Port-channel
// members print "in Po49" as their Vlan; the vlan is then "Po49" (as ntc-templates reads it).
// The type "Not Present" is two words.
#include <array>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "parse/arista/arista_parsers.h"
#include "parse/cisco/cli_error.h"
#include "parse/interface_name.h"
#include "parse/line_cursor.h"

namespace st::parse::arista {

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

bool is_status_word(std::string_view s) {
  static constexpr std::array<std::string_view, 9> kStatuses = {
      "connected", "notconnect", "disabled",  "errdisabled", "inactive",
      "monitoring", "sfpAbsent", "adminDown", "noOperMem"};
  for (const auto status : kStatuses) {
    if (s == status) return true;
  }
  return false;
}

bool looks_like_port(std::string_view s) {
  if (s.empty() || !is_alnum(s.front())) return false;
  for (char c : s) {
    if (is_digit(c)) return true;
  }
  return false;
}

struct Row {
  std::size_t status = kNone;
  std::size_t vlan = kNone;
  std::size_t duplex = kNone;
  std::size_t speed = kNone;
  std::size_t type_first = kNone;
  std::size_t type_last = kNone;
  std::size_t flags = kNone;
};

// The "[in] Vlan Duplex Speed Type [Flags]" tail after the status token at i.
std::optional<Row> parse_tail(const std::vector<Token>& t, std::size_t i) {
  Row row;
  row.status = i;
  std::size_t j = i + 1;
  if (j < t.size() && t[j].text == "in") ++j;
  if (j + 3 > t.size()) return std::nullopt;  // vlan, duplex, speed at least
  row.vlan = j;
  row.duplex = j + 1;
  row.speed = j + 2;
  j += 3;
  if (j < t.size()) {
    row.type_first = row.type_last = j;
    if (t[j].text == "Not" && j + 1 < t.size() && t[j + 1].text == "Present") row.type_last = j + 1;
    if (row.type_last + 1 < t.size()) row.flags = row.type_last + 1;
    if (row.type_last + 3 < t.size()) return std::nullopt;  // more than flags + encapsulation
  }
  return row;
}

std::optional<std::string> opt(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  return std::string(s);
}

}  // namespace

Result<ParseResult> parse_show_interfaces_status(const SectionInput& input) {
  if (auto error = cisco::find_cli_error(input.output)) {
    return fail(cisco::cli_error(*error, "show interfaces status"));
  }
  ParseResult result;
  std::vector<Token> tokens;
  tokens.reserve(16);
  result.interfaces.reserve(count_lines(input.output));
  std::optional<std::size_t> status_column;

  LineCursor cursor(input.output);
  Line line;
  while (cursor.next(line)) {
    const std::string_view text = rtrim(line.text);
    if (is_blank(text)) continue;
    tokenize(text, tokens);
    if (tokens.size() >= 7 && tokens[0].text == "Port" && tokens[1].text == "Name" &&
        tokens[2].text == "Status") {
      status_column = tokens[2].begin;
      continue;
    }
    const std::string_view port = tokens.front().text;
    std::optional<Row> best;
    std::size_t best_distance = kNone;
    if (looks_like_port(port)) {
      for (std::size_t i = 1; i < tokens.size(); ++i) {
        if (!is_status_word(tokens[i].text)) continue;
        auto row = parse_tail(tokens, i);
        if (!row) continue;
        const std::size_t distance =
            status_column ? static_cast<std::size_t>(std::llabs(
                                static_cast<long long>(tokens[i].begin) -
                                static_cast<long long>(*status_column)))
                          : 0;
        if (!best || distance < best_distance) {
          best = row;
          best_distance = distance;
        }
        if (!status_column) break;
      }
    }
    if (!best) {
      ++result.skipped_lines;
      result.warnings.push_back(
          {line.range(), fmt::format("line {}: not an interface status row", line.number)});
      continue;
    }
    InterfaceRecord rec;
    rec.name_raw = std::string(port);
    rec.name = canonical_interface_name(port);
    rec.source = ByteRange{line.offset, text.size()};
    rec.status = std::string(tokens[best->status].text);
    rec.description = opt(text.substr(tokens[0].end(), tokens[best->status].begin - tokens[0].end()));
    rec.vlan = std::string(tokens[best->vlan].text);
    rec.duplex = std::string(tokens[best->duplex].text);
    rec.speed = std::string(tokens[best->speed].text);
    if (best->type_first != kNone) {
      rec.type = opt(text.substr(tokens[best->type_first].begin,
                                 tokens[best->type_last].end() - tokens[best->type_first].begin));
    }
    result.interfaces.push_back(std::move(rec));
  }

  if (!status_column && result.interfaces.empty() && !is_blank(input.output)) {
    return fail(ErrorKind::Parse,
                "output does not look like EOS 'show interfaces status': no header and no rows");
  }
  return result;
}

}  // namespace st::parse::arista
