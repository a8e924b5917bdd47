// `show interfaces status` -> one InterfaceRecord per row.
//
// Rows are read by tokens anchored on the Status column: the status word is the token that
// (a) is a known status, (b) is followed by a valid "Vlan Duplex Speed [Type]" tail, and
// (c) of those, sits closest to the header's Status column. That survives descriptions that
// contain spaces or status words, rows shifted by overflowing columns ("Fa1/6   test  ..."),
// and the "notconnect: TD" suffixes some releases print. Rows that still do not fit are
// cut at the header's column positions, with a warning.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "parse/cisco/cisco_parsers.h"
#include "parse/cisco/cli_error.h"
#include "parse/interface_name.h"
#include "parse/line_cursor.h"

namespace st::parse::cisco {

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Column start positions from "Port  Name  Status  Vlan  Duplex  Speed Type".
struct Columns {
  std::size_t name = kNone, status = kNone, vlan = kNone, duplex = kNone, speed = kNone,
              type = kNone;
};

std::optional<Columns> parse_header(std::string_view text, std::vector<Token>& tokens) {
  tokenize(text, tokens);
  static constexpr std::array<std::string_view, 7> kWords = {"Port",   "Name",  "Status", "Vlan",
                                                             "Duplex", "Speed", "Type"};
  if (tokens.size() != kWords.size()) return std::nullopt;
  for (std::size_t i = 0; i < kWords.size(); ++i) {
    if (!iequals(tokens[i].text, kWords[i])) return std::nullopt;
  }
  return Columns{tokens[1].begin, tokens[2].begin, tokens[3].begin,
                 tokens[4].begin, tokens[5].begin, tokens[6].begin};
}

bool is_status_word(std::string_view s) {
  static constexpr std::array<std::string_view, 18> kStatuses = {
      "connected", "notconnect", "notconnec", "disabled",  "err-disabled", "inactive",
      "up",        "down",       "monitoring", "suspended", "faulty",      "sfpAbsent",
      "xcvrAbsen", "noOperMem",  "channelDo", "linkFlapE", "suspnd",       "err-disab"};
  for (const auto status : kStatuses) {
    if (s == status) return true;
  }
  return false;
}

bool is_vlan_word(std::string_view s) {
  if (s == "trunk" || s == "routed" || s == "unassigned" || s == "f-path") return true;
  if (s.empty() || !is_digit(s.front())) return false;
  for (char c : s) {
    if (!is_digit(c) && c != ',' && c != '-') return false;
  }
  return true;
}

bool is_duplex_word(std::string_view s) {
  if (s == "auto" || s == "--" || s == "unknown") return true;
  if (s.starts_with("a-")) s.remove_prefix(2);
  return s == "full" || s == "half";
}

// A "Vlan Duplex Speed [Type]" tail starting at token j.
struct Tail {
  std::size_t vlan_first = 0, vlan_last = 0, duplex = 0, speed = 0;
};

std::optional<Tail> parse_tail(const std::vector<Token>& tokens, std::size_t j) {
  Tail tail;
  if (j >= tokens.size()) return std::nullopt;
  tail.vlan_first = tail.vlan_last = j;
  if (tokens[j].text == "pvlan") {
    if (j + 1 >= tokens.size()) return std::nullopt;
    tail.vlan_last = j + 1;  // "pvlan prom", "pvlan host"
  } else if (!is_vlan_word(tokens[j].text)) {
    return std::nullopt;
  }
  tail.duplex = tail.vlan_last + 1;
  tail.speed = tail.vlan_last + 2;
  if (tail.speed >= tokens.size() || !is_duplex_word(tokens[tail.duplex].text)) {
    return std::nullopt;
  }
  return tail;
}

std::optional<std::string> opt(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  return std::string(s);
}

// Moves a column boundary left onto the start of the token it falls inside.
std::size_t snap(std::string_view line, std::size_t pos) {
  if (pos >= line.size()) return line.size();
  while (pos > 0 && !is_space(line[pos - 1]) && !is_space(line[pos])) --pos;
  return pos;
}

std::string_view slice(std::string_view line, std::size_t from, std::size_t to) {
  from = snap(line, from);
  to = to == kNone ? line.size() : snap(line, to);
  if (from >= to) return {};
  return line.substr(from, to - from);
}

// "Gi1/0/1", "Po12", "Fa0", "1/1/1": starts with a letter or digit and holds a digit.
bool looks_like_port(std::string_view s) {
  if (s.empty() || !is_alnum(s.front())) return false;
  for (char c : s) {
    if (is_digit(c)) return true;
  }
  return false;
}

InterfaceRecord start_record(const Line& line, std::string_view port) {
  InterfaceRecord rec;
  rec.name_raw = std::string(port);
  rec.name = canonical_interface_name(port);
  rec.source = line.range();
  return rec;
}

// Where a second row starts inside this line, when a lost newline glued two rows together
// ("... 10/100/1000BaseTXGi1/0/5      Desk 5   connected ..."): a port name with a short
// interface prefix right after a non-blank, followed by a blank. kNone when there is none.
std::size_t glued_row_at(std::string_view text) {
  static constexpr std::array<std::string_view, 9> kPrefixes = {"Gi", "Fa", "Te", "Tw", "Fo", "Hu", "Po", "Fi", "Eth"};
  for (std::size_t i = 1; i + 3 < text.size(); ++i) {
    if (is_space(text[i - 1]) || text[i] < 'A' || text[i] > 'Z') continue;
    for (const auto prefix : kPrefixes) {
      if (!text.substr(i).starts_with(prefix) || !is_digit(text[i + prefix.size()])) continue;
      const std::size_t end = text.find_first_of(" \t", i);
      if (end == std::string_view::npos) continue;
      const std::string_view name = text.substr(i, end - i);
      if (name.find('/') != std::string_view::npos && looks_like_port(name)) return i;
    }
  }
  return kNone;
}

}  // namespace

Result<ParseResult> parse_show_interfaces_status(const SectionInput& input) {
  if (auto error = find_cli_error(input.output)) {
    return fail(cli_error(*error, "show interfaces status"));
  }
  ParseResult result;
  std::optional<Columns> columns;
  std::vector<Token> tokens;
  tokens.reserve(16);
  result.interfaces.reserve(count_lines(input.output));
  bool saw_header = false;

  LineCursor cursor(input.output);
  Line read;
  std::optional<Line> pending;  // the second half of a glued line, read next
  while (pending || cursor.next(read)) {
    Line line = pending.value_or(read);
    pending.reset();
    if (const std::size_t glue = columns ? glued_row_at(line.text) : kNone; glue != kNone) {
      result.warnings.push_back({line.range(), fmt::format("line {}: two rows glued together (a lost newline); "
                                                            "split at column {}", line.number, glue + 1)});
      pending = Line{line.text.substr(glue), line.offset + glue, line.number};
      line.text = line.text.substr(0, glue);
    }
    const std::string_view text = line.text;
    const std::string_view stripped = trim(text);
    if (stripped.empty()) continue;
    if (stripped.find_first_not_of('-') == std::string_view::npos) continue;  // "-----"
    if (istarts_with(stripped, "Load for ") || istarts_with(stripped, "Time source is")) continue;
    if (istarts_with(stripped, "Port ")) {
      if (auto header = parse_header(text, tokens)) {
        columns = header;
        saw_header = true;
        continue;
      }
    }

    tokenize(text, tokens);
    const std::string_view port = tokens.front().text;
    if (!looks_like_port(port)) {
      ++result.skipped_lines;
      result.warnings.push_back(
          {line.range(), fmt::format("line {}: not an interface status row", line.number)});
      continue;
    }

    // Fibre-channel rows on Nexus: "fc2/1 is up    Port mode is NP", "fc2/5 is down (SFP not present)".
    if (tokens.size() >= 3 && tokens[1].text == "is") {
      InterfaceRecord rec = start_record(line, port);
      rec.status = std::string(tokens[2].text);
      const std::string_view rest = trim(text.substr(tokens[2].end()));
      if (rest.size() >= 2 && rest.front() == '(' && rest.back() == ')') {
        rec.type = opt(rest.substr(1, rest.size() - 2));
      }
      result.interfaces.push_back(std::move(rec));
      continue;
    }

    // Pick the status token (see the file comment).
    std::size_t best = kNone;
    Tail best_tail;
    std::size_t best_distance = kNone;
    for (std::size_t i = 1; i < tokens.size(); ++i) {
      std::string_view word = tokens[i].text;
      if (word.ends_with(':')) word.remove_suffix(1);
      if (!is_status_word(word)) continue;
      // "notconnect: TD 1 ..." carries one extra word between status and vlan.
      auto tail = parse_tail(tokens, i + 1);
      if (!tail) tail = parse_tail(tokens, i + 2);
      if (!tail) continue;
      const std::size_t distance =
          columns ? static_cast<std::size_t>(std::llabs(static_cast<long long>(tokens[i].begin) -
                                                        static_cast<long long>(columns->status)))
                  : 0;
      if (best == kNone || distance < best_distance) {
        best = i;
        best_tail = *tail;
        best_distance = distance;
      }
      if (!columns) break;  // no header: first plausible status, as TextFSM would
    }

    if (best != kNone) {
      InterfaceRecord rec = start_record(line, port);
      std::string_view status = tokens[best].text;
      if (status.ends_with(':')) status.remove_suffix(1);
      rec.status = std::string(status);
      rec.description = opt(text.substr(tokens[0].end(), tokens[best].begin - tokens[0].end()));
      rec.vlan = opt(text.substr(tokens[best_tail.vlan_first].begin,
                                 tokens[best_tail.vlan_last].end() -
                                     tokens[best_tail.vlan_first].begin));
      rec.duplex = std::string(tokens[best_tail.duplex].text);
      rec.speed = std::string(tokens[best_tail.speed].text);
      if (best_tail.speed + 1 < tokens.size()) {
        rec.type = opt(text.substr(tokens[best_tail.speed + 1].begin));
      }
      result.interfaces.push_back(std::move(rec));
      continue;
    }

    if (columns && tokens.size() >= 2 && tokens[0].begin < columns->name) {
      // Cut at the header's columns; keep the row but say it was guessed.
      const Columns& c = *columns;
      InterfaceRecord rec = start_record(line, port);
      const std::size_t name_from = std::max(c.name, tokens[0].end());
      rec.description = opt(slice(text, name_from, c.status));
      rec.status = opt(slice(text, c.status, c.vlan));
      rec.vlan = opt(slice(text, c.vlan, c.duplex));
      rec.duplex = opt(slice(text, c.duplex, c.speed));
      rec.speed = opt(slice(text, c.speed, c.type));
      rec.type = opt(slice(text, c.type, kNone));
      result.warnings.push_back(
          {line.range(), fmt::format("row for {} did not match 'status vlan duplex speed'; "
                                     "fields cut at header columns",
                                     port)});
      result.interfaces.push_back(std::move(rec));
      continue;
    }

    ++result.skipped_lines;
    result.warnings.push_back(
        {line.range(), fmt::format("line {}: not an interface status row", line.number)});
  }

  if (!saw_header && result.interfaces.empty() && !is_blank(input.output)) {
    return fail(ErrorKind::Parse,
                "output does not look like 'show interfaces status': no header and no rows");
  }
  return result;
}

}  // namespace st::parse::cisco
