// `delimiter` rules: tables of columns. Columns are cut at a literal `separator`, at a
// `separator_regex`, or (`fixed_width`) at the positions of the header's column labels,
// a cut that falls inside a word moving left to the word's start (so an overflowing
// column does not split a value). A `header` pattern finds the header line; rows are the
// lines after it (a repeated header restarts the table); without `columns` the names are
// the header's words. `skip` drops lines (rulers, blank lines); `stop` ends the table.
#include <fmt/format.h>

#include "rules/rule_executor.h"
#include "rules/safe_regex.h"
#include "rules/text_lines.h"

namespace st::rules {

namespace {

using nlohmann::ordered_json;

struct Column {
  std::string name;
  std::string label;  // text in the header line (fixed width)
};

bool blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    std::size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

class DelimiterExecutor final : public RuleExecutor {
 public:
  std::vector<Column> columns;
  bool names_from_header = false;
  bool fixed_width = false;
  bool trim_cells = true;
  std::string separator;
  std::optional<SafeRegex> separator_regex, header, skip, stop;
  std::size_t min_columns = 1;
  Budget budget;

  std::vector<std::string> fields() const override {
    std::vector<std::string> out;
    for (const auto& c : columns) out.push_back(c.name);
    return out;
  }

  RuleRun run(std::string_view text, bool) const override {
    RuleRun out;
    TextLines lines(text);
    out.lines = lines.count();
    Deadline deadline(budget.time_for(text.size()));
    std::vector<Column> active = columns;
    std::vector<std::size_t> starts;  // fixed width: column start positions
    bool in_table = !header.has_value();
    if (in_table && fixed_width) {
      out.stopped = StopReason::RegexError;
      out.stop_detail = "fixed_width needs a header";
      return out;
    }
    for (std::size_t n = 1; n <= lines.count(); ++n) {
      if (deadline.expired()) return halt(out, StopReason::TimeBudget, n);
      const std::string_view line = lines.line(n);
      StopReason stopped = StopReason::None;
      if (header) {
        bool is_header = header->matches(line, stopped);
        if (stopped != StopReason::None) return halt(out, stopped, n);
        if (is_header) {
          if (!read_header(line, active, starts)) {
            out.warnings.push_back({static_cast<std::uint32_t>(n), lines.range(n, n),
                                    "header line does not hold every column label"});
            in_table = false;
          } else {
            in_table = true;
          }
          continue;
        }
      }
      if (!in_table) continue;
      if (stop) {
        bool ends = stop->matches(line, stopped);
        if (stopped != StopReason::None) return halt(out, stopped, n);
        if (ends) {
          in_table = false;
          continue;
        }
      }
      if (blank(line)) continue;
      if (skip) {
        bool skipped = skip->matches(line, stopped);
        if (stopped != StopReason::None) return halt(out, stopped, n);
        if (skipped) continue;
      }
      std::vector<std::string_view> cells;
      if (fixed_width) cells = cut_fixed(line, starts);
      else if (!split(line, cells, stopped)) return halt(out, stopped, n);
      std::size_t filled = 0;
      for (auto c : cells) filled += trim(c).empty() ? 0 : 1;
      if (filled < min_columns) {
        out.warnings.push_back({static_cast<std::uint32_t>(n), lines.range(n, n),
                                fmt::format("{} column(s), fewer than {}: line skipped", filled, min_columns)});
        continue;
      }
      RuleRecord r;
      for (std::size_t i = 0; i < active.size(); ++i) {
        std::string_view cell = i < cells.size() ? cells[i] : std::string_view{};
        if (trim_cells) cell = trim(cell);
        if (i + 1 == active.size() && cells.size() > active.size() && !fixed_width) {
          // Extra cells join the last column, as written.
          const char* b = cells[i].data();
          const char* e = cells.back().data() + cells.back().size();
          cell = trim_cells ? trim(std::string_view(b, static_cast<std::size_t>(e - b))) : std::string_view(b, static_cast<std::size_t>(e - b));
        }
        r.row[active[i].name] = cell.empty() && i >= cells.size() ? ordered_json(nullptr) : ordered_json(std::string(cell));
      }
      r.lines.push_back(static_cast<std::uint32_t>(n));
      r.source = lines.range(n, n);
      out.records.push_back(std::move(r));
    }
    return out;
  }

 private:
  RuleRun& halt(RuleRun& out, StopReason reason, std::size_t line) const {
    out.stopped = reason;
    out.stop_detail = describe_stop(reason, line, budget);
    return out;
  }

  bool read_header(std::string_view line, std::vector<Column>& active, std::vector<std::size_t>& starts) const {
    if (names_from_header) {
      active.clear();
      std::vector<std::string_view> names;
      StopReason ignored = StopReason::None;
      if (fixed_width) names = words(line);
      else split(line, names, ignored);
      for (auto w : names) {
        w = trim(w);
        if (!w.empty()) active.push_back({std::string(w), std::string(w)});
      }
    }
    if (!fixed_width) return true;
    starts.clear();
    std::size_t from = 0;
    for (const auto& c : active) {
      const auto at = line.find(c.label, from);
      if (at == std::string_view::npos) return false;
      starts.push_back(at);
      from = at + c.label.size();
    }
    return true;
  }

  static std::vector<std::string_view> cut_fixed(std::string_view line, const std::vector<std::size_t>& starts) {
    auto snap = [&](std::size_t pos) {
      if (pos >= line.size()) return line.size();
      while (pos > 0 && line[pos - 1] != ' ' && line[pos] != ' ') --pos;
      return pos;
    };
    std::vector<std::string_view> cells;
    for (std::size_t i = 0; i < starts.size(); ++i) {
      const std::size_t b = i == 0 ? 0 : snap(starts[i]);
      const std::size_t e = i + 1 < starts.size() ? snap(starts[i + 1]) : line.size();
      cells.push_back(b < e ? line.substr(b, e - b) : std::string_view{});
    }
    return cells;
  }

  bool split(std::string_view line, std::vector<std::string_view>& cells, StopReason& stopped) const {
    if (separator_regex) {
      std::size_t pos = 0;
      while (pos <= line.size()) {
        auto m = separator_regex->search(line, stopped, pos);
        if (stopped != StopReason::None) return false;
        if (!m || m->end == m->begin) break;
        cells.push_back(line.substr(pos, m->begin - pos));
        pos = m->end;
      }
      cells.push_back(line.substr(std::min(pos, line.size())));
      return true;
    }
    std::size_t pos = 0;
    while (true) {
      const auto at = line.find(separator, pos);
      if (at == std::string_view::npos) break;
      cells.push_back(line.substr(pos, at - pos));
      pos = at + separator.size();
    }
    cells.push_back(line.substr(pos));
    return true;
  }
};

Result<std::optional<SafeRegex>> optional_regex(const ordered_json& spec, const char* key, const Budget& budget) {
  auto it = spec.find(key);
  if (it == spec.end()) return std::optional<SafeRegex>{};
  auto re = SafeRegex::compile(it->get<std::string>(), budget);
  if (!re) return fail(ErrorKind::Parse, fmt::format("/delimiter/{}: {}", key, re.error().message));
  return std::optional<SafeRegex>{std::move(*re)};
}

}  // namespace

Result<std::unique_ptr<RuleExecutor>> compile_delimiter(const ParserRule& rule, const CompileContext& context) {
  const auto& spec = rule.spec;
  auto exec = std::make_unique<DelimiterExecutor>();
  exec->budget = context.budget;
  exec->fixed_width = spec.value("fixed_width", false);
  exec->trim_cells = spec.value("trim", true);
  exec->min_columns = spec.value("min_columns", std::size_t{1});
  exec->separator = spec.value("separator", std::string{});
  ST_TRY(exec->separator_regex, optional_regex(spec, "separator_regex", context.budget));
  ST_TRY(exec->header, optional_regex(spec, "header", context.budget));
  ST_TRY(exec->skip, optional_regex(spec, "skip", context.budget));
  ST_TRY(exec->stop, optional_regex(spec, "stop", context.budget));
  if (auto cols = spec.find("columns"); cols != spec.end()) {
    for (const auto& c : *cols) {
      if (c.is_string()) exec->columns.push_back({c.get<std::string>(), c.get<std::string>()});
      else exec->columns.push_back({c.at("name").get<std::string>(), c.value("header", c.at("name").get<std::string>())});
    }
  } else {
    exec->names_from_header = true;
  }
  if (!exec->fixed_width && exec->separator.empty() && !exec->separator_regex) {
    return fail(ErrorKind::Parse, "/delimiter: needs separator, separator_regex or fixed_width");
  }
  if (exec->fixed_width && !exec->header) return fail(ErrorKind::Parse, "/delimiter/fixed_width: needs a header pattern");
  if (exec->names_from_header && !exec->header) {
    return fail(ErrorKind::Parse, "/delimiter/columns: without columns, a header pattern must name them");
  }
  return std::unique_ptr<RuleExecutor>(std::move(exec));
}

}  // namespace st::rules
