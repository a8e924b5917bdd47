#include "insights/runbook.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "parse/line_cursor.h"

namespace st::insights {

bool is_runbook_severity(std::string_view severity) {
  return std::find(kRunbookSeverities.begin(), kRunbookSeverities.end(), severity) != kRunbookSeverities.end();
}

const ChecklistItem* Runbook::item(std::string_view id) const {
  for (const auto& c : checks) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const VendorCommands* Runbook::commands_for(std::string_view platform) const {
  for (const auto& v : next_commands) {
    if (v.platform == platform) return &v;
  }
  return nullptr;
}

namespace {

using parse::trim;

struct NumberedLine {
  std::string_view text;
  std::size_t number;  // 1-based
};

std::vector<NumberedLine> lines_of(std::string_view text) {
  std::vector<NumberedLine> out;
  std::size_t pos = 0, number = 1;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back({line, number++});
    pos = end + 1;
  }
  return out;
}

class RunbookParser {
 public:
  RunbookParser(std::string_view file, std::string_view text) : file_(file), text_(text), lines_(lines_of(text)) {}

  Result<Runbook> parse() {
    rb_.file = std::string(file_);
    rb_.markdown = std::string(text_);
    std::size_t i = 0;
    ST_TRY(i, front_matter());
    ST_CHECK(body(i));
    ST_CHECK(check_complete());
    return std::move(rb_);
  }

 private:
  std::unexpected<Error> error(std::size_t line, std::string message, std::string hint = {}) const {
    Error e{ErrorKind::Parse, std::move(message), std::string(file_), {}, {}, std::move(hint)};
    if (line > 0) e.with_line(line);
    return std::unexpected(std::move(e));
  }

  // Front matter: `key: value`, lists `[a, b]`, one nesting level under `escalation:`.
  Result<std::size_t> front_matter() {
    if (lines_.empty() || trim(lines_[0].text) != "---") {
      return error(1, "a runbook starts with front matter between `---` lines", "see docs/runbooks.md");
    }
    bool in_escalation = false;
    for (std::size_t i = 1; i < lines_.size(); ++i) {
      const auto& [raw, number] = lines_[i];
      if (trim(raw) == "---") {
        fm_end_ = number;
        return i + 1;
      }
      if (parse::is_blank(raw) || trim(raw).starts_with('#')) continue;
      const bool indented = raw.front() == ' ' || raw.front() == '\t';
      std::string_view line = trim(raw);
      auto colon = line.find(':');
      if (colon == std::string_view::npos) return error(number, fmt::format("expected `key: value`, got '{}'", line));
      std::string_view key = trim(line.substr(0, colon));
      std::string_view value = trim(line.substr(colon + 1));
      if (indented) {
        if (!in_escalation) return error(number, fmt::format("'{}' is indented but not under `escalation:`", key));
        ST_CHECK(escalation_key(key, value, number));
        continue;
      }
      in_escalation = false;
      if (key == "escalation") {
        if (!value.empty()) return error(number, "`escalation:` takes indented `contact`, `sla` and `cue` lines");
        in_escalation = true;
        seen_.push_back("escalation");
      } else {
        ST_CHECK(top_key(key, value, number));
      }
    }
    return error(lines_.size(), "the front matter has no closing `---` line");
  }

  static std::string unquote(std::string_view v) {
    if (v.size() >= 2 && ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\''))) {
      v = v.substr(1, v.size() - 2);
    }
    return std::string(v);
  }

  Result<std::vector<std::string>> list_value(std::string_view key, std::string_view value, std::size_t number) const {
    if (value.size() < 2 || value.front() != '[' || value.back() != ']') {
      return error(number, fmt::format("`{}` is a list: [a, b]", key));
    }
    std::vector<std::string> out;
    std::string_view inner = value.substr(1, value.size() - 2);
    std::size_t pos = 0;
    while (pos <= inner.size() && !parse::is_blank(inner)) {
      std::size_t comma = inner.find(',', pos);
      if (comma == std::string_view::npos) comma = inner.size();
      std::string item = unquote(trim(inner.substr(pos, comma - pos)));
      if (item.empty()) return error(number, fmt::format("`{}` has an empty item", key));
      out.push_back(std::move(item));
      pos = comma + 1;
    }
    return out;
  }

  Result<void> once(std::string_view key, std::size_t number) {
    if (std::find(seen_.begin(), seen_.end(), key) != seen_.end()) {
      return error(number, fmt::format("`{}` is given twice", key));
    }
    seen_.emplace_back(key);
    return {};
  }

  Result<void> top_key(std::string_view key, std::string_view value, std::size_t number) {
    ST_CHECK(once(key, number));
    if (key == "signatures") {
      ST_TRY(rb_.signatures, list_value(key, value, number));
    } else if (key == "needs") {
      ST_TRY(rb_.needs, list_value(key, value, number));
    } else if (key == "title") {
      rb_.title = unquote(value);
    } else if (key == "severity") {
      rb_.severity = unquote(value);
      if (!is_runbook_severity(rb_.severity)) {
        return error(number, fmt::format("severity '{}' is not one of info, warning, major, critical", rb_.severity));
      }
    } else {
      return error(number, fmt::format("unknown front matter key '{}'", key),
                   "keys: signatures, title, severity, escalation, needs");
    }
    return {};
  }

  Result<void> escalation_key(std::string_view key, std::string_view value, std::size_t number) {
    ST_CHECK(once(fmt::format("escalation.{}", key), number));
    if (key == "contact") rb_.escalation.contact = unquote(value);
    else if (key == "sla") rb_.escalation.sla = unquote(value);
    else if (key == "cue") rb_.escalation.cue = unquote(value);
    else return error(number, fmt::format("unknown escalation key '{}'", key), "keys: contact, sla, cue");
    if (unquote(value).empty()) return error(number, fmt::format("escalation `{}` is empty", key));
    return {};
  }

  enum class Section { None, Symptoms, Checks, Outcomes, NextCommands };

  Result<void> body(std::size_t first) {
    Section section = Section::None;
    VendorCommands* vendor = nullptr;
    std::string* prose = nullptr;
    for (std::size_t i = first; i < lines_.size(); ++i) {
      const auto& [raw, number] = lines_[i];
      std::string_view line = trim(raw);
      if (line.starts_with("## ")) {
        ST_TRY(section, open_section(trim(line.substr(3)), number));
        vendor = nullptr;
        prose = section == Section::Symptoms ? &rb_.symptoms : section == Section::Outcomes ? &rb_.expected_outcomes : nullptr;
        continue;
      }
      if (line.starts_with("### ")) {
        if (section != Section::NextCommands) {
          return error(number, "`###` vendor headings belong under `## Next commands`");
        }
        ST_TRY(vendor, open_vendor(trim(line.substr(4)), number));
        continue;
      }
      if (line.starts_with("# ") || section == Section::None) continue;  // the page title, text before sections
      if (prose) {
        if (!prose->empty() || !line.empty()) *prose += std::string(raw) + "\n";
      } else if (section == Section::Checks) {
        ST_CHECK(check_line(raw, number));
      } else if (section == Section::NextCommands && line.starts_with("- ")) {
        if (!vendor) return error(number, "a command before the first `###` vendor heading");
        ST_CHECK(command_line(line, number, *vendor));
      }
    }
    rb_.symptoms = std::string(trim(rb_.symptoms));
    rb_.expected_outcomes = std::string(trim(rb_.expected_outcomes));
    return {};
  }

  Result<Section> open_section(std::string_view heading, std::size_t number) {
    static constexpr std::array<std::pair<std::string_view, Section>, 4> kSections{{
        {"Symptoms", Section::Symptoms},
        {"Required checks", Section::Checks},
        {"Expected outcomes", Section::Outcomes},
        {"Next commands", Section::NextCommands},
    }};
    for (const auto& [name, section] : kSections) {
      if (heading != name) continue;
      ST_CHECK(once(fmt::format("## {}", name), number));
      return section;
    }
    return error(number, fmt::format("unknown section '{}'", heading),
                 "sections: Symptoms, Required checks, Expected outcomes, Next commands");
  }

  Result<VendorCommands*> open_vendor(std::string_view heading, std::size_t number) {
    for (const auto& v : kVendorHeadings) {
      if (heading != v.heading) continue;
      ST_CHECK(once(fmt::format("### {}", v.heading), number));
      rb_.next_commands.push_back(VendorCommands{std::string(v.heading), std::string(v.platform), {}, {}});
      return &rb_.next_commands.back();
    }
    return error(number, fmt::format("unknown vendor heading '{}'", heading),
                 "vendors: Cisco IOS-XE, Arista EOS, Brocade FastIron");
  }

  static bool is_slug(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || parse::is_digit(c) || c == '-'; });
  }

  // `- [ ] id: text`; an indented line continues the item above.
  Result<void> check_line(std::string_view raw, std::size_t number) {
    std::string_view line = trim(raw);
    if (line.empty()) return {};
    if (!line.starts_with("- [ ] ")) {
      if ((raw.front() == ' ' || raw.front() == '\t') && !rb_.checks.empty()) {
        rb_.checks.back().text += " " + std::string(line);
        return {};
      }
      return error(number, "a required check is written `- [ ] id: text`");
    }
    line = trim(line.substr(6));
    auto colon = line.find(':');
    std::string_view id = colon == std::string_view::npos ? std::string_view{} : trim(line.substr(0, colon));
    if (!is_slug(id)) {
      return error(number, fmt::format("checklist item '{}' needs an id: lower-case letters, digits and dashes, then ':'", line));
    }
    if (rb_.item(id)) return error(number, fmt::format("checklist item id '{}' is used twice", id));
    std::string_view text = trim(line.substr(colon + 1));
    if (text.empty()) return error(number, fmt::format("checklist item '{}' has no text", id));
    rb_.checks.push_back(ChecklistItem{std::string(id), std::string(text), number});
    return {};
  }

  // - `show interfaces <interface>` -- optional words on what to look for
  Result<void> command_line(std::string_view line, std::size_t number, VendorCommands& vendor) {
    std::string_view rest = trim(line.substr(2));
    if (!rest.starts_with('`')) return error(number, "a next command is written - `command` (in backticks)");
    auto close = rest.find('`', 1);
    if (close == std::string_view::npos) return error(number, "the command's closing backtick is missing");
    std::string_view command = trim(rest.substr(1, close - 1));
    if (command.empty()) return error(number, "an empty command");
    vendor.commands.emplace_back(command);
    vendor.lines.push_back(number);
    return {};
  }

  Result<void> check_complete() {
    const std::size_t at = fm_end_;
    if (rb_.signatures.empty()) return error(at, "the front matter lists no `signatures`");
    const std::string stem = std::filesystem::path(std::string(file_)).stem().string();
    if (rb_.signatures.front() != stem) {
      return error(at, fmt::format("the first signature '{}' is not the file's name '{}'", rb_.signatures.front(), stem));
    }
    for (const auto& s : rb_.signatures) {
      if (!is_slug(s)) return error(at, fmt::format("signature '{}' is not a slug (a-z, 0-9, -)", s));
    }
    if (rb_.title.empty()) return error(at, "the front matter has no `title`");
    if (rb_.severity.empty()) return error(at, "the front matter has no `severity`");
    if (rb_.escalation.contact.empty() || rb_.escalation.sla.empty() || rb_.escalation.cue.empty()) {
      return error(at, "`escalation` needs `contact`, `sla` and `cue`");
    }
    if (rb_.needs.empty()) return error(at, "the front matter has no `needs` (the show commands the diagnosis needs)");
    if (rb_.symptoms.empty()) return error(0, "the `## Symptoms` section is missing or empty");
    if (rb_.checks.empty()) return error(0, "the `## Required checks` section is missing or has no `- [ ] id: text` item");
    if (rb_.expected_outcomes.empty()) return error(0, "the `## Expected outcomes` section is missing or empty");
    for (const auto& v : kVendorHeadings) {
      const auto* commands = rb_.commands_for(v.platform);
      if (!commands || commands->commands.empty()) {
        return error(0, fmt::format("`## Next commands` has no `### {}` list of commands", v.heading));
      }
    }
    // Shipped order, whatever the file's order.
    std::sort(rb_.next_commands.begin(), rb_.next_commands.end(), [](const auto& a, const auto& b) {
      auto rank = [](const VendorCommands& v) {
        for (std::size_t i = 0; i < kVendorHeadings.size(); ++i) {
          if (kVendorHeadings[i].platform == v.platform) return i;
        }
        return kVendorHeadings.size();
      };
      return rank(a) < rank(b);
    });
    return {};
  }

  std::string_view file_;
  std::string_view text_;
  std::vector<NumberedLine> lines_;
  Runbook rb_;
  std::vector<std::string> seen_;
  std::size_t fm_end_ = 0;
};

}  // namespace

Result<Runbook> parse_runbook(std::string_view file, std::string_view text) {
  return RunbookParser(file, text).parse();
}

}  // namespace st::insights
