// `show version` (IOS, IOS-XE, stacks) -> DeviceFacts plus one GenericRecord with the
// remaining fields ntc-templates' cisco_ios_show_version extracts.
#include <initializer_list>
#include <string>
#include <vector>

#include "parse/cisco/cisco_parsers.h"
#include "parse/cisco/cli_error.h"
#include "parse/line_cursor.h"

namespace st::parse::cisco {

namespace {

struct VersionFields {
  std::optional<std::string> software_image, version, release, rommon, hostname, uptime;
  std::optional<std::string> uptime_years, uptime_weeks, uptime_days, uptime_hours,
      uptime_minutes;
  std::optional<std::string> reload_reason, running_image, config_register, restarted;
  std::vector<std::string> hardware, serial, mac_address;
};

std::optional<std::string> non_empty(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  return std::string(s);
}

// Skips `word` (case-insensitive) plus following blanks at `s`; false when absent.
bool eat_word(std::string_view& s, std::string_view word) {
  if (!istarts_with(s, word)) return false;
  std::string_view rest = s.substr(word.size());
  if (!rest.empty() && !is_space(rest.front())) return false;
  s = ltrim(rest);
  return true;
}

// "<Label words> : value" where the label is matched word by word ignoring case and
// spacing ("Base Ethernet MAC Address          : f8:7b:...").
std::optional<std::string_view> labelled_value(std::string_view line,
                                               std::initializer_list<std::string_view> words) {
  std::string_view s = ltrim(line);
  for (const auto word : words) {
    if (!eat_word(s, word)) return std::nullopt;
  }
  if (s.empty() || s.front() != ':') return std::nullopt;
  return trim(s.substr(1));
}

std::string_view first_token(std::string_view s) {
  s = ltrim(s);
  std::size_t i = 0;
  while (i < s.size() && !is_space(s[i])) ++i;
  return s.substr(0, i);
}

bool is_word_char(char c) { return is_alnum(c) || c == '_'; }

std::string_view leading_word_chars(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_word_char(s[i])) ++i;
  return s.substr(0, i);
}

bool is_mac(std::string_view s) {
  if (s.size() < 17) return false;
  for (std::size_t i = 0; i < 17; ++i) {
    const char c = s[i];
    if (i % 3 == 2) {
      if (c != ':') return false;
    } else if (!(is_digit(c) || (to_lower(c) >= 'a' && to_lower(c) <= 'f'))) {
      return false;
    }
  }
  return true;
}

// "... Software (IMAGE), Version V, RELEASE SOFTWARE (fc1)" and its variants.
bool parse_software_line(std::string_view line, VersionFields& f) {
  const std::size_t marker = line.find("), Version ");
  if (marker == std::string_view::npos) return false;
  const std::size_t open = line.rfind('(', marker);
  if (open == std::string_view::npos) return false;
  // "Software" + optional commas + blanks must precede the image's '('.
  std::string_view before = rtrim(line.substr(0, open));
  while (!before.empty() && before.back() == ',') before.remove_suffix(1);
  if (before.size() < 8 || before.substr(before.size() - 8) != "Software") return false;
  const std::string_view image = line.substr(open + 1, marker - open - 1);
  if (image.empty() || image.find(' ') != std::string_view::npos) return false;

  const std::string_view rest = line.substr(marker + 11);  // after "), Version "
  auto strip_commas = [](std::string_view v) {
    v = rtrim(v);
    while (!v.empty() && v.back() == ',') v.remove_suffix(1);
    return v;
  };
  std::optional<std::string> version, release;
  // 1) "Version V, RELEASE SOFTWARE (fc1)": the release is the last parenthesised word.
  std::size_t rel = rest.find("RELEASE");
  while (rel != std::string_view::npos && (rel == 0 || !is_space(rest[rel - 1]))) {
    rel = rest.find("RELEASE", rel + 1);
  }
  if (rel != std::string_view::npos) {
    const std::size_t lp = rest.rfind('(');
    const std::size_t rp = rest.rfind(')');
    if (lp != std::string_view::npos && rp != std::string_view::npos && lp > rel && rp > lp) {
      version = non_empty(strip_commas(rest.substr(0, rel)));
      release = non_empty(rest.substr(lp + 1, rp - lp - 1));
    }
  }
  // 2) "Version 16.9.5, CUST-SPECIAL:V169_5_SR689355441_2": the release follows the last ':'.
  if (!version) {
    const std::size_t blank = rest.find_first_of(" \t");
    const std::size_t colon = rest.rfind(':');
    if (blank != std::string_view::npos && colon != std::string_view::npos && colon > blank &&
        colon + 1 < rest.size()) {
      version = non_empty(strip_commas(rest.substr(0, blank)));
      release = non_empty(first_token(rest.substr(colon + 1)));
    }
  }
  // 3) "Version 15.2(4.0.55)E, TEST ENGINEERING ...": no release.
  if (!version) {
    const std::size_t comma = rest.find(',');
    if (comma == std::string_view::npos) return false;
    version = non_empty(rest.substr(0, comma));
  }
  if (!version) return false;
  f.software_image = std::string(image);
  f.version = std::move(version);
  f.release = std::move(release);
  return true;
}

// "router1 uptime is 2 years, 31 weeks, 6 days, 9 hours, 55 minutes"
bool parse_uptime_line(std::string_view line, VersionFields& f) {
  std::string_view s = ltrim(line);
  const std::string_view host = first_token(s);
  if (host.empty()) return false;
  s = ltrim(s.substr(host.size()));
  if (!eat_word(s, "uptime") || !eat_word(s, "is") || s.empty()) return false;
  f.hostname = std::string(host);
  f.uptime = std::string(rtrim(s));
  // Each ", "-separated part is "<n> <unit>".
  std::string_view parts = rtrim(s);
  while (!parts.empty()) {
    const std::size_t comma = parts.find(',');
    const std::string_view part = trim(parts.substr(0, comma));
    parts = comma == std::string_view::npos ? std::string_view{} : parts.substr(comma + 1);
    const std::string_view count = first_token(part);
    if (!all_digits(count)) continue;
    const std::string_view unit = trim(part.substr(count.size()));
    if (istarts_with(unit, "year")) f.uptime_years = std::string(count);
    else if (istarts_with(unit, "week")) f.uptime_weeks = std::string(count);
    else if (istarts_with(unit, "day")) f.uptime_days = std::string(count);
    else if (istarts_with(unit, "hour")) f.uptime_hours = std::string(count);
    else if (istarts_with(unit, "minute")) f.uptime_minutes = std::string(count);
  }
  return true;
}

nlohmann::json opt_json(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

Result<ParseResult> parse_show_version(const SectionInput& input) {
  if (auto error = find_cli_error(input.output)) return fail(cli_error(*error, "show version"));

  VersionFields f;
  bool in_stack = false;  // after the "Switch Ports Model" table or a "Switch 02" block
  std::optional<std::size_t> first_used, last_used_end;
  ParseResult result;

  LineCursor cursor(input.output);
  Line line;
  while (cursor.next(line)) {
    const std::string_view text = line.text;
    if (is_blank(text)) continue;
    bool used = false;
    const std::string_view s = ltrim(text);

    if (!in_stack) {
      if (!f.version && parse_software_line(text, f)) {
        used = true;
      } else if (istarts_with(text, "ROM:")) {
        f.rommon = non_empty(first_token(text.substr(4)));
        used = true;
      } else if (!f.hostname && parse_uptime_line(text, f)) {
        used = true;
      } else if (std::string_view r = text; eat_word(r, "System") && eat_word(r, "image") &&
                                              eat_word(r, "file") && eat_word(r, "is")) {
        // System image file is "flash0:/vios_l2-adventerprisek9-m"
        if (r.size() > 2 && r.front() == '"') {
          const std::size_t colon = r.find(':');
          const std::size_t quote = r.find('"', 1);
          if (colon != std::string_view::npos && quote != std::string_view::npos && colon < quote) {
            f.running_image = non_empty(r.substr(colon + 1, quote - colon - 1));
            used = true;
          }
        }
      } else if (std::string_view r2 = text; eat_word(r2, "Last") && eat_word(r2, "reload") &&
                                               istarts_with(r2, "reason:")) {
        f.reload_reason = non_empty(r2.substr(7));
        used = true;
      } else if (std::string_view r3 = text; eat_word(r3, "System") && eat_word(r3, "returned") &&
                                               eat_word(r3, "to") && eat_word(r3, "ROM") &&
                                               eat_word(r3, "by")) {
        f.reload_reason = non_empty(r3);
        used = true;
      } else if (std::string_view r4 = text; eat_word(r4, "System") && eat_word(r4, "restarted") &&
                                               eat_word(r4, "at")) {
        f.restarted = non_empty(r4);
        used = true;
      } else if (std::string_view r5 = text; eat_word(r5, "Processor") && eat_word(r5, "board") &&
                                               eat_word(r5, "ID")) {
        if (auto id = leading_word_chars(r5); !id.empty()) f.serial.emplace_back(id);
        used = true;
      } else if (istarts_with(text, "cisco ")) {
        // "cisco WS-C4948E (MPC8548) processor ..." : the model, then "(...)" and more text.
        std::string_view r6 = ltrim(text.substr(6));
        const std::string_view model = first_token(r6);
        const std::string_view after = ltrim(r6.substr(model.size()));
        const std::size_t close = after.rfind(')');
        if (!model.empty() && !after.empty() && after.front() == '(' &&
            close != std::string_view::npos && close > 1 && close + 1 < after.size()) {
          f.hardware.emplace_back(model);
          used = true;
        }
      } else if (auto mac = labelled_value(text, {"Base", "Ethernet", "MAC", "Address"})) {
        if (is_mac(*mac)) f.mac_address.emplace_back(mac->substr(0, 17));
        used = true;
      } else if ((istarts_with(text, "Switch ") &&
                  (istarts_with(ltrim(text.substr(7)), "Port") ||
                   is_digit(text.size() > 7 ? text[7] : ' ')))) {
        in_stack = true;
        used = true;
      }
    } else {
      if (auto serial = labelled_value(text, {"System", "Serial", "Number"})) {
        if (auto id = leading_word_chars(*serial); !id.empty()) f.serial.emplace_back(id);
        used = true;
      } else if (auto model = labelled_value(text, {"Model", "Number"})) {
        if (auto m = first_token(*model); !m.empty()) f.hardware.emplace_back(m);
        used = true;
      } else if (auto mac2 = labelled_value(text, {"Base", "Ethernet", "MAC", "Address"})) {
        if (is_mac(*mac2)) f.mac_address.emplace_back(mac2->substr(0, 17));
        used = true;
      }
    }
    if (std::string_view r7 = s; eat_word(r7, "Configuration") && eat_word(r7, "register") &&
                                 eat_word(r7, "is")) {
      f.config_register = non_empty(first_token(r7));
      used = true;
    }
    if (used) {
      if (!first_used) first_used = line.offset;
      last_used_end = line.offset + line.text.size();
    }
  }

  if (!first_used) {
    if (is_blank(input.output)) {
      result.warnings.push_back({ByteRange{0, input.output.size()}, "empty show version output"});
      return result;
    }
    return fail(ErrorKind::Parse,
                "output does not look like 'show version': no software, uptime or hardware line");
  }
  const ByteRange source{*first_used, *last_used_end - *first_used};

  DeviceFacts facts;
  facts.vendor = "cisco";
  facts.platform = "cisco_ios";
  facts.hostname = f.hostname;
  facts.os_version = f.version;
  facts.uptime = f.uptime;
  if (!f.hardware.empty()) facts.model = f.hardware.front();
  if (!f.serial.empty()) facts.serial = f.serial.front();
  facts.reload_reason = f.reload_reason;
  facts.source = source;
  if (!facts.os_version) result.warnings.push_back({source, "no software version line found"});
  result.facts = std::move(facts);

  GenericRecord record;
  record.source = source;
  record.row = {
      {"kind", "cisco_ios/show_version"},
      {"software_image", opt_json(f.software_image)},
      {"version", opt_json(f.version)},
      {"release", opt_json(f.release)},
      {"rommon", opt_json(f.rommon)},
      {"hostname", opt_json(f.hostname)},
      {"uptime", opt_json(f.uptime)},
      {"uptime_years", opt_json(f.uptime_years)},
      {"uptime_weeks", opt_json(f.uptime_weeks)},
      {"uptime_days", opt_json(f.uptime_days)},
      {"uptime_hours", opt_json(f.uptime_hours)},
      {"uptime_minutes", opt_json(f.uptime_minutes)},
      {"reload_reason", opt_json(f.reload_reason)},
      {"running_image", opt_json(f.running_image)},
      {"config_register", opt_json(f.config_register)},
      {"restarted", opt_json(f.restarted)},
      {"hardware", f.hardware},
      {"serial", f.serial},
      {"mac_address", f.mac_address},
  };
  result.records.push_back(std::move(record));
  return result;
}

}  // namespace st::parse::cisco
