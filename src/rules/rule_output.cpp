#include "rules/rule_output.h"

#include <fmt/format.h>

#include <charconv>

#include "parse/event_kind.h"
#include "parse/interface_name.h"
#include "parse/line_cursor.h"

namespace st::rules {

namespace {

using nlohmann::ordered_json;

template <class T>
std::optional<T> number(std::string_view s) {
  T v{};
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// The record's value for a table field, as text; nullopt for null, "" and [].
std::optional<std::string> one_field(std::string_view source, const ordered_json& row);

// The source of a table field: the mapping's, else the field's own name; "A|B" takes the
// first of A and B that has a value.
std::optional<std::string> raw_field(const ParserRule& rule, const ordered_json& row, std::string_view target) {
  std::string_view source = target;
  for (const auto& [t, s] : rule.fields) {
    if (t == target) source = s;
  }
  while (!source.starts_with('=')) {
    const auto bar = source.find('|');
    if (bar == std::string_view::npos) break;
    if (auto v = one_field(source.substr(0, bar), row)) return v;
    source.remove_prefix(bar + 1);
  }
  return one_field(source, row);
}

std::optional<std::string> one_field(std::string_view source, const ordered_json& row) {
  if (source.starts_with('=')) {  // a literal: "vendor": "=cisco"
    if (source.size() == 1) return std::nullopt;
    return std::string(source.substr(1));
  }
  // "HARDWARE[0]": one item of a list field.
  std::optional<std::size_t> item;
  if (source.ends_with(']')) {
    if (auto open = source.rfind('['); open != std::string_view::npos) {
      item = number<std::size_t>(source.substr(open + 1, source.size() - open - 2));
      if (item) source = source.substr(0, open);
    }
  }
  auto it = row.find(std::string(source));
  if (it == row.end() || it->is_null()) return std::nullopt;
  if (item) {
    if (!it->is_array() || *item >= it->size()) return std::nullopt;
    const auto& v = (*it)[*item];
    if (!v.is_string() || v.get_ref<const std::string&>().empty()) return std::nullopt;
    return v.get<std::string>();
  }
  if (it->is_string()) {
    std::string_view s = parse::trim(it->get_ref<const std::string&>());
    if (s.empty()) return std::nullopt;
    return std::string(s);
  }
  if (it->is_array()) {
    if (it->empty()) return std::nullopt;
    std::string joined;
    for (const auto& one : *it) joined += (joined.empty() ? "" : " ") + (one.is_string() ? one.get<std::string>() : one.dump());
    return joined;
  }
  return it->dump();
}

// raw_field through output.value_map: {"status": {"Up": "connected"}} (exact, then
// case-insensitive; "*" maps anything else, "*": "lower" / "upper" changes its case; a value
// not mapped stays as printed).
std::optional<std::string> field(const ParserRule& rule, const ordered_json& row, std::string_view target) {
  auto value = raw_field(rule, row, target);
  if (!value) return value;
  const auto& output = rule.json["output"];
  auto maps = output.find("value_map");
  if (maps == output.end()) return value;
  auto map = maps->find(std::string(target));
  if (map == maps->end()) return value;
  if (auto exact = map->find(*value); exact != map->end()) return exact->get<std::string>();
  for (auto it = map->begin(); it != map->end(); ++it) {
    if (it.key().size() == value->size() && parse::iequals(it.key(), *value)) return it.value().get<std::string>();
  }
  if (auto any = map->find("*"); any != map->end()) {
    std::string out = any->get<std::string>();
    if (out == "lower" || out == "upper") {
      const bool upper = out == "upper";
      out = *value;
      for (char& c : out) c = upper ? (c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c) : parse::to_lower(c);
    }
    return out;
  }
  return value;
}

ordered_json mapped_row(const ParserRule& rule, const ordered_json& row) {
  if (rule.fields.empty()) return row;
  ordered_json out = ordered_json::object();
  for (const auto& [target, source] : rule.fields) {
    if (source.starts_with('=')) {
      out[target] = source.substr(1);
      continue;
    }
    auto it = row.find(source);
    out[target] = it == row.end() ? ordered_json(nullptr) : *it;
  }
  return out;
}

bool parse_hms(std::string_view s, parse::LogTime& t) {
  if (s.size() < 7) return false;
  const auto c1 = s.find(':');
  const auto c2 = s.find(':', c1 + 1);
  if (c1 == std::string_view::npos || c2 == std::string_view::npos) return false;
  auto h = number<int>(s.substr(0, c1));
  auto m = number<int>(s.substr(c1 + 1, c2 - c1 - 1));
  std::string_view rest = s.substr(c2 + 1);
  const auto dot = rest.find('.');
  auto sec = number<int>(rest.substr(0, dot));
  if (!h || !m || !sec || *h > 23 || *m > 59 || *sec > 60) return false;
  t.hour = *h;
  t.minute = *m;
  t.second = *sec;
  if (dot != std::string_view::npos) {
    std::string_view frac = rest.substr(dot + 1);
    int millis = 0;
    for (std::size_t i = 0; i < 3; ++i) {
      if (i < frac.size() && !parse::is_digit(frac[i])) return false;
      millis = millis * 10 + (i < frac.size() ? frac[i] - '0' : 0);
    }
    t.millis = millis;
  }
  return true;
}

void fill_zone(std::string_view zone, parse::LogTime& t) {
  zone = parse::trim(zone);
  if (!zone.empty()) t.utc_offset_minutes = parse::zone_offset_minutes(zone);
}

}  // namespace

std::optional<parse::LogTime> parse_printed_time(std::string_view text) {
  std::string_view s = parse::trim(text);
  while (!s.empty() && (s.front() == '*' || s.front() == '.')) s.remove_prefix(1);
  if (s.ends_with(':')) s.remove_suffix(1);
  parse::LogTime t;
  // ISO: 2024-06-19T03:02:31[.123][Z|+02:00]
  if (s.size() >= 19 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == ' ')) {
    auto y = number<int>(s.substr(0, 4));
    auto mo = number<int>(s.substr(5, 2));
    auto d = number<int>(s.substr(8, 2));
    std::string_view clock = s.substr(11);
    std::size_t zone_at = clock.find_first_of("Z+-");
    if (!y || !mo || !d || !parse_hms(clock.substr(0, zone_at), t)) return std::nullopt;
    t.year = *y;
    t.month = *mo;
    t.day = *d;
    if (zone_at != std::string_view::npos) {
      std::string_view zone = clock.substr(zone_at);
      t.utc_offset_minutes = zone == "Z" ? std::optional<int>(0) : parse::zone_offset_minutes(zone);
    }
    return t;
  }
  std::vector<parse::Token> tokens;
  parse::tokenize(s, tokens);
  if (tokens.size() < 2) return std::nullopt;
  // Clock form: time [zone] weekday month day year.
  if (parse_hms(tokens[0].text, t) && tokens.size() >= 5) {
    const std::size_t n = tokens.size();
    t.month = parse::month_from_name(tokens[n - 3].text);
    auto d = number<int>(tokens[n - 2].text);
    auto y = number<int>(tokens[n - 1].text);
    if (t.month == 0 || !d || !y) return std::nullopt;
    t.day = *d;
    t.year = *y;
    if (n > 5) fill_zone(s.substr(tokens[1].begin, tokens[n - 4].begin - tokens[1].begin), t);
    return t;
  }
  // Syslog form: [year] month day [year] time [zone].
  std::size_t i = 0;
  if (auto y = number<int>(tokens[0].text); y && *y > 1900) {
    t.year = *y;
    ++i;
  }
  if (i + 2 > tokens.size()) return std::nullopt;
  t.month = parse::month_from_name(tokens[i].text);
  auto d = i + 1 < tokens.size() ? number<int>(tokens[i + 1].text) : std::nullopt;
  if (t.month == 0 || !d) return std::nullopt;
  t.day = *d;
  i += 2;
  if (i < tokens.size()) {
    if (auto y = number<int>(tokens[i].text); y && *y > 1900) {
      t.year = *y;
      ++i;
    }
  }
  if (i >= tokens.size() || !parse_hms(tokens[i].text, t)) return std::nullopt;
  ++i;
  if (i < tokens.size()) fill_zone(s.substr(tokens[i].begin), t);
  return t;
}

Result<parse::ParseResult> to_parse_result(const ParserRule& rule, RuleRun run, std::string_view platform) {
  parse::ParseResult out;
  if (run.records.empty() && rule.json.contains("output") && rule.json["output"].value("required", false)) {
    return fail(ErrorKind::Parse, fmt::format("output does not match rule {}: no record", rule.id));
  }
  for (const auto& w : run.warnings) out.warnings.push_back({w.at, fmt::format("rule {}: {}", rule.id, w.message)});
  auto keep_generic = [&](const RuleRecord& r) { out.records.push_back({mapped_row(rule, r.row), r.source}); };
  const bool also_records = rule.json.contains("output") && rule.json["output"].value("also_records", false);

  switch (rule.table) {
    case OutputTable::Records:
      for (const auto& r : run.records) keep_generic(r);
      break;
    case OutputTable::Interfaces:
      for (const auto& r : run.records) {
        auto name = field(rule, r.row, "name");
        if (!name) {
          out.warnings.push_back({r.source, fmt::format("rule {}: a record with no interface name was skipped", rule.id)});
          ++out.skipped_lines;
          continue;
        }
        parse::InterfaceRecord i;
        i.name = parse::canonical_interface_name(*name);
        i.name_raw = *name;
        i.status = field(rule, r.row, "status");
        i.vlan = field(rule, r.row, "vlan");
        i.duplex = field(rule, r.row, "duplex");
        i.speed = field(rule, r.row, "speed");
        i.type = field(rule, r.row, "type");
        i.description = field(rule, r.row, "description");
        i.source = r.source;
        out.interfaces.push_back(std::move(i));
        if (also_records) keep_generic(r);
      }
      break;
    case OutputTable::DeviceFacts: {
      // One device: the first non-empty value of each field over the records.
      parse::DeviceFacts facts;
      bool any = false;
      for (const auto& r : run.records) {
        auto fill = [&](std::optional<std::string>& slot, std::string_view name) {
          if (!slot) slot = field(rule, r.row, name);
        };
        fill(facts.hostname, "hostname");
        fill(facts.vendor, "vendor");
        fill(facts.platform, "platform");
        fill(facts.model, "model");
        fill(facts.os_version, "os_version");
        fill(facts.serial, "serial");
        fill(facts.uptime, "uptime");
        if (!any) facts.source = r.source;
        else facts.source = ByteRange{facts.source.offset, std::max(facts.source.end(), r.source.end()) - facts.source.offset};
        any = true;
        if (also_records) keep_generic(r);
      }
      if (any) out.facts = std::move(facts);
      break;
    }
    case OutputTable::Clock:
      for (const auto& r : run.records) {
        std::string text;
        for (const char* part : {"time", "zone", "month", "day", "year"}) {
          if (auto v = field(rule, r.row, part)) text += (text.empty() ? "" : " ") + *v;
        }
        // Parts give "time zone month day year"; the clock form wants a weekday before the month.
        std::optional<parse::LogTime> time;
        if (auto raw = field(rule, r.row, "raw")) time = parse_printed_time(*raw);
        if (!time) {
          auto t = field(rule, r.row, "time");
          auto mo = field(rule, r.row, "month");
          auto d = field(rule, r.row, "day");
          auto y = field(rule, r.row, "year");
          parse::LogTime lt;
          if (t && mo && d && y && parse_hms(*t, lt) && parse::month_from_name(*mo) && number<int>(*d) && number<int>(*y)) {
            lt.month = parse::month_from_name(*mo);
            lt.day = *number<int>(*d);
            lt.year = *number<int>(*y);
            if (auto z = field(rule, r.row, "zone")) fill_zone(*z, lt);
            time = lt;
          }
        }
        if (!time) continue;
        std::string raw = field(rule, r.row, "raw").value_or(text);
        out.clock = parse::ClockReading{*time, raw};
        break;
      }
      if (!out.clock && !run.records.empty()) {
        return fail(ErrorKind::Parse, fmt::format("rule {}: no record held a readable clock time", rule.id));
      }
      break;
    case OutputTable::Events:
      for (const auto& r : run.records) {
        parse::EventRecord e;
        std::optional<parse::LogTime> time;
        if (auto ts = field(rule, r.row, "timestamp")) {
          e.timestamp_raw = *ts;
          time = parse_printed_time(*ts);
        } else {
          std::string joined;
          for (const char* part : {"month", "day", "year", "time", "zone"}) {
            if (auto v = field(rule, r.row, part)) joined += (joined.empty() ? "" : " ") + *v;
          }
          e.timestamp_raw = joined;
          time = parse_printed_time(joined);
        }
        if (time) {
          e.time = *time;
        } else {
          e.time.uptime_only = true;
        }
        if (auto seq = field(rule, r.row, "sequence")) e.sequence = number<std::int64_t>(*seq);
        e.facility = field(rule, r.row, "facility").value_or("");
        if (auto sev = field(rule, r.row, "severity")) e.severity = number<int>(*sev);
        e.mnemonic = field(rule, r.row, "mnemonic").value_or("");
        // As the built-in parsers: no facility, no message id (not "-").
        if (!e.facility.empty()) e.message_id = parse::make_message_id(e.facility, e.severity, e.mnemonic);
        e.message = field(rule, r.row, "message").value_or("");
        if (auto i = field(rule, r.row, "interface")) e.interface = parse::canonical_interface_name(*i);
        else e.interface = parse::interface_in_message(e.message);
        e.source = r.source;
        out.events.push_back(std::move(e));
        if (also_records) keep_generic(r);
      }
      parse::classify_events(out, platform);
      break;
  }
  return out;
}

}  // namespace st::rules
