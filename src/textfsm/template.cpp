#include "textfsm/template.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "textfsm/py_text.h"

namespace st::textfsm {

std::string_view to_string(ValueOption option) {
  switch (option) {
    case ValueOption::Filldown: return "Filldown";
    case ValueOption::Fillup: return "Fillup";
    case ValueOption::Key: return "Key";
    case ValueOption::Required: return "Required";
    case ValueOption::List: return "List";
    case ValueOption::OptionBase: return "OptionBase";
  }
  return "?";
}

bool ValueDef::has(ValueOption o) const { return std::find(options.begin(), options.end(), o) != options.end(); }

namespace {

constexpr std::size_t kMaxNameLen = 48;  // TextFSM.MAX_NAME_LEN

}  // namespace

namespace {

// Python's `re` patterns the template syntax itself is parsed with (TextFSMRule).
struct ActionPatterns {
  struct One {
    PcrePattern pattern;
    Translation tr;
  };
  std::vector<One> patterns;  // ACTION_RE, ACTION2_RE, ACTION3_RE, state name, \w+ prefix
  static const ActionPatterns& get() {
    static const ActionPatterns instance = [] {
      ActionPatterns p;
      for (const char* py : {R"(\s+(?P<ln_op>Continue|Next|Error)(\.(?P<rec_op>Clear|Clearall|Record|NoRecord))?(\s+(?P<new_state>\w+|\".*\"))?$)",
                             R"(\s+(?P<rec_op>Clear|Clearall|Record|NoRecord)(\s+(?P<new_state>\w+|\".*\"))?$)",
                             R"((\s+(?P<new_state>\w+|\".*\"))?$)", R"(^(\w+)$)", R"(\w+)"}) {
        auto tr = translate_python_regex(py);
        auto pattern = PcrePattern::compile(tr->pattern, true, true, false);
        p.patterns.push_back({std::move(*pattern), std::move(*tr)});
      }
      return p;
    }();
    return instance;
  }
};

struct ActionMatch {
  std::string ln_op, rec_op, new_state;
};

std::optional<ActionMatch> match_action(const ActionPatterns::One& p, std::string_view text) {
  MatchScratch scratch(8);
  const int rc = p.pattern.match(text, scratch);
  if (rc < 0) return std::nullopt;
  ActionMatch m;
  const std::size_t* ov = scratch.ovector();
  for (const auto& g : p.tr.groups) {
    if (static_cast<int>(g.number) >= rc || ov[2 * g.number] == kUnset) continue;
    std::string v(text.substr(ov[2 * g.number], ov[2 * g.number + 1] - ov[2 * g.number]));
    if (g.name == "ln_op") m.ln_op = v;
    if (g.name == "rec_op") m.rec_op = v;
    if (g.name == "new_state") m.new_state = v;
  }
  return m;
}

bool matches(const ActionPatterns::One& p, std::string_view text) {
  MatchScratch scratch(8);
  return p.pattern.match(text, scratch) >= 0;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = s.find(sep, start);
    if (at == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, at - start));
    start = at + 1;
  }
}

bool is_comment(std::string_view line) {  // ^\s*#
  const auto rest = py::lstrip(line);
  return !rest.empty() && rest.front() == '#';
}

// string.Template(...).substitute(values) with a map from output bytes to input offsets.
struct Substituted {
  std::string text;
  std::vector<std::uint32_t> origin;  // one per byte of text, plus one for the end
};

bool id_start(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool id_char(char c) { return id_start(c) || (c >= '0' && c <= '9'); }

}  // namespace

class TemplateCompiler {
 public:
  TemplateCompiler(std::string_view text, std::string file) : text_(text) { tpl_.file_ = std::move(file); }

  Result<Template> run() {
    lines_ = py::file_lines(text_);
    ST_CHECK(parse_values());
    while (true) {
      ST_TRY(bool more, parse_state());
      if (!more) break;
    }
    ST_CHECK(validate());
    return std::move(tpl_);
  }

 private:
  std::string_view text_;
  std::vector<py::FileLine> lines_;
  std::size_t next_ = 0;  // next line index
  Template tpl_;
  std::vector<std::string> value_templates_;  // "(?P<name>..." per value

  // `line` 0: the template as a whole.
  std::unexpected<Error> error(std::uint32_t line, std::string message, std::optional<std::size_t> offset = {}) {
    Error e{ErrorKind::InputRefused, std::move(message), tpl_.file_,
            line == 0 ? std::nullopt : std::optional<std::uint64_t>(line), offset, {}};
    return std::unexpected(std::move(e));
  }

  std::uint32_t column_of(std::size_t file_offset) const {
    std::size_t line_start = text_.rfind('\n', file_offset == 0 ? 0 : file_offset - 1);
    line_start = (line_start == std::string_view::npos || file_offset == 0) ? 0 : line_start + 1;
    if (file_offset > 0 && text_[file_offset - 1] == '\n') line_start = file_offset;
    return static_cast<std::uint32_t>(py::count_code_points(text_.substr(line_start, file_offset - line_start)) + 1);
  }

  std::size_t offset_in_file(std::string_view part) const {
    return static_cast<std::size_t>(part.data() - text_.data());
  }

  Result<void> parse_values() {
    while (next_ < lines_.size()) {
      const auto& fl = lines_[next_++];
      const auto line_no = static_cast<std::uint32_t>(next_);
      const std::string_view line = py::rstrip(fl.text);
      if (line.empty()) return {};
      if (is_comment(line)) continue;
      if (line.starts_with("Value ")) {
        ST_CHECK(parse_value(line, line_no));
      } else if (tpl_.values_.empty()) {
        return error(line_no, "No Value definitions found.");
      } else {
        return error(line_no, "Expected blank line after last Value entry.");
      }
    }
    return {};
  }

  Result<void> parse_value(std::string_view line, std::uint32_t line_no) {
    const auto tokens = split(line, ' ');
    if (tokens.size() < 3) return error(line_no, "Expect at least 3 tokens on line.");
    ValueDef v;
    v.line = line_no;
    std::size_t regex_from = 2;
    if (!tokens[2].starts_with('(')) {
      for (std::string_view option : split(tokens[1], ',')) {
        static constexpr ValueOption kAll[] = {ValueOption::Filldown, ValueOption::Fillup, ValueOption::Key,
                                               ValueOption::Required, ValueOption::List, ValueOption::OptionBase};
        auto it = std::find_if(std::begin(kAll), std::end(kAll), [&](ValueOption o) { return to_string(o) == option; });
        if (it == std::end(kAll)) {
          return error(line_no, fmt::format("Unknown option \"{}\" in Value (valid: Filldown, Fillup, Key, Required, List).", option),
                       offset_in_file(option));
        }
        if (v.has(*it)) return error(line_no, fmt::format("Duplicate option \"{}\".", option), offset_in_file(option));
        v.options.push_back(*it);
      }
      v.name = std::string(tokens[2]);
      regex_from = 3;
    } else {
      v.name = std::string(tokens[1]);
    }
    for (std::size_t i = regex_from; i < tokens.size(); ++i) {
      if (i > regex_from) v.regex += ' ';
      v.regex += tokens[i];
    }
    v.filldown = v.has(ValueOption::Filldown);
    v.fillup = v.has(ValueOption::Fillup);
    v.key = v.has(ValueOption::Key);
    v.required = v.has(ValueOption::Required);
    v.list = v.has(ValueOption::List);
    if (py::count_code_points(v.name) > kMaxNameLen) {
      return error(line_no, fmt::format("Invalid Value name '{}' or name too long.", v.name));
    }
    if (v.regex.size() < 2 || v.regex.front() != '(' || v.regex.back() != ')' ||
        std::count(v.regex.begin(), v.regex.end(), '(') != std::count(v.regex.begin(), v.regex.end(), ')')) {
      return error(line_no, fmt::format("Value '{}' must be contained within a '()' pair.", v.regex));
    }
    if (v.list) {
      auto tr = translate_python_regex(v.regex);
      const std::size_t regex_offset = offset_in_file(line) + line.size() - v.regex.size();
      if (!tr) {
        const std::size_t at = regex_offset + tr.error().offset;
        return error(line_no, fmt::format("invalid regular expression in Value {}: {} at column {}", v.name,
                                          tr.error().message, column_of(at)), at);
      }
      if (tr->capture_count > 1) {
        auto pattern = PcrePattern::compile(tr->pattern, true, !tr->ascii);
        if (!pattern) {
          const std::size_t at = regex_offset + tr->origin[std::min(pattern.error().offset, tr->origin.size() - 1)];
          return error(line_no, fmt::format("invalid regular expression in Value {}: {} at column {}", v.name,
                                            pattern.error().message, column_of(at)), at);
        }
        v.nested = std::move(*pattern);
        v.nested_groups = tr->groups;
      }
    }
    for (const auto& existing : tpl_.values_) {
      if (existing.name == v.name) {
        return error(line_no, fmt::format("Duplicate declarations for Value '{}'.", v.name));
      }
    }
    value_templates_.push_back(fmt::format("(?P<{}>{}", v.name, std::string_view(v.regex).substr(1)));
    tpl_.values_.push_back(std::move(v));
    return {};
  }

  // Returns false when no state is left.
  Result<bool> parse_state() {
    const auto& pats = ActionPatterns::get();
    State* state = nullptr;
    while (next_ < lines_.size()) {
      const auto& fl = lines_[next_++];
      const auto line_no = static_cast<std::uint32_t>(next_);
      const std::string_view line = py::rstrip(fl.text);
      if (line.empty() || is_comment(line)) continue;
      if (!matches(pats.patterns[3], line) || py::count_code_points(line) > kMaxNameLen || line == "Continue" ||
          line == "Next" || line == "Error" || line == "Clear" || line == "Clearall" || line == "Record" ||
          line == "NoRecord") {
        return error(line_no, fmt::format("Invalid state name: '{}'.", line), fl.offset);
      }
      for (const auto& s : tpl_.states_) {
        if (s.name == line) return error(line_no, fmt::format("Duplicate state name: '{}'.", line), fl.offset);
      }
      state = &tpl_.states_.emplace_back();
      state->name = std::string(line);
      state->line = line_no;
      break;
    }
    if (state == nullptr) return false;
    while (next_ < lines_.size()) {
      const auto& fl = lines_[next_++];
      const auto line_no = static_cast<std::uint32_t>(next_);
      const std::string_view line = py::rstrip(fl.text);
      if (line.empty()) break;
      if (is_comment(line)) continue;
      if (!(line.starts_with(" ^") || line.starts_with("  ^") || line.starts_with("\t^"))) {
        return error(line_no, "Missing white space or carat ('^') before rule.", fl.offset);
      }
      ST_TRY(Rule rule, parse_rule(line, line_no));
      rule.id = tpl_.rule_count_++;
      state->rules.push_back(std::move(rule));
    }
    return true;
  }

  Result<Substituted> substitute(std::string_view match, std::uint32_t line_no) {
    Substituted out;
    auto put = [&](std::string_view s, std::size_t from, bool one_origin) {
      out.text.append(s);
      for (std::size_t k = 0; k < s.size(); ++k) out.origin.push_back(static_cast<std::uint32_t>(one_origin ? from : from + k));
    };
    std::size_t i = 0;
    while (i < match.size()) {
      const std::size_t j = match.find('$', i);
      if (j == std::string_view::npos) {
        put(match.substr(i), i, false);
        break;
      }
      put(match.substr(i, j - i), i, false);
      std::size_t k = j + 1;
      std::string_view name;
      std::size_t after = 0;
      if (k < match.size() && match[k] == '$') {
        put("$", j, true);
        i = k + 1;
        continue;
      }
      if (k < match.size() && id_start(match[k])) {
        std::size_t m = k;
        while (m < match.size() && id_char(match[m])) ++m;
        name = match.substr(k, m - k);
        after = m;
      } else if (k < match.size() && match[k] == '{' && k + 1 < match.size() && id_start(match[k + 1])) {
        std::size_t m = k + 1;
        while (m < match.size() && id_char(match[m])) ++m;
        if (m < match.size() && match[m] == '}') {
          name = match.substr(k + 1, m - k - 1);
          after = m + 1;
        }
      }
      const std::size_t at = offset_in_file(match) + j;
      if (name.empty()) {
        return error(line_no, fmt::format("invalid '$' at column {} (write $$ for a literal '$', ${{NAME}} for a Value)",
                                          column_of(at)), at);
      }
      const auto it = std::find_if(tpl_.values_.begin(), tpl_.values_.end(), [&](const ValueDef& v) { return v.name == name; });
      if (it == tpl_.values_.end()) {
        return error(line_no, fmt::format("unknown value '{}' at column {}", name, column_of(at)), at);
      }
      put(value_templates_[static_cast<std::size_t>(it - tpl_.values_.begin())], j, true);
      i = after;
    }
    out.origin.push_back(static_cast<std::uint32_t>(match.size()));
    return out;
  }

  Result<Rule> parse_rule(std::string_view raw_line, std::uint32_t line_no) {
    const auto& pats = ActionPatterns::get();
    const std::string_view line = py::strip(raw_line);
    Rule rule;
    rule.line = line_no;
    rule.text = std::string(line);
    // (?P<match>.*)(\s->(?P<action>.*)): the last "->" with a space character before it.
    std::string_view match = line;
    std::optional<std::string_view> action;
    for (std::size_t p = line.size() >= 2 ? line.size() - 2 : 0; p >= 1 && p + 2 <= line.size(); --p) {
      if (line.compare(p, 2, "->") == 0) {
        const auto before = py::decode_before(line, p);
        if (py::isspace(before.value) && !(before.length == 1 && before.value >= 0x80)) {
          match = line.substr(0, p - before.length);
          action = line.substr(p + 2);
          break;
        }
      }
    }
    Substituted sub;
    if (!tpl_.values_.empty()) {
      ST_TRY(sub, substitute(match, line_no));
    } else {
      sub.text = std::string(match);
      for (std::size_t k = 0; k <= match.size(); ++k) sub.origin.push_back(static_cast<std::uint32_t>(k));
    }
    rule.regex = sub.text;
    const std::size_t match_offset = offset_in_file(match);
    auto tr = translate_python_regex(rule.regex);
    if (!tr) {
      const std::size_t at = match_offset + sub.origin[std::min(tr.error().offset, sub.origin.size() - 1)];
      return error(line_no, fmt::format("invalid regular expression '{}': {} at column {}", rule.regex,
                                        tr.error().message, column_of(at)), at);
    }
    auto pattern = PcrePattern::compile(tr->pattern, true, !tr->ascii);
    if (!pattern) {
      const std::size_t in_regex = tr->origin[std::min(pattern.error().offset, tr->origin.size() - 1)];
      const std::size_t at = match_offset + sub.origin[std::min<std::size_t>(in_regex, sub.origin.size() - 1)];
      return error(line_no, fmt::format("invalid regular expression '{}': {} at column {}", rule.regex,
                                        pattern.error().message, column_of(at)), at);
    }
    rule.pattern = std::move(*pattern);
    tpl_.max_captures_ = std::max(tpl_.max_captures_, tr->capture_count);
    for (const auto& g : tr->groups) {
      for (std::size_t v = 0; v < tpl_.values_.size(); ++v) {
        if (tpl_.values_[v].name == g.name) {
          rule.assigns.push_back({static_cast<std::uint32_t>(v), g.number});
          break;
        }
      }
    }
    rule.prefilter = make_prefilter(rule.regex, *tr, rule.pattern);

    if (action) {
      auto m = match_action(pats.patterns[0], *action);
      if (!m) m = match_action(pats.patterns[1], *action);
      if (!m) m = match_action(pats.patterns[2], *action);
      if (!m) return error(line_no, fmt::format("Badly formatted rule '{}'.", line), offset_in_file(*action));
      if (m->ln_op == "Continue") rule.line_op = LineOp::Continue;
      if (m->ln_op == "Error") rule.line_op = LineOp::Error;
      if (m->rec_op == "Record") rule.record_op = RecordOp::Record;
      if (m->rec_op == "Clear") rule.record_op = RecordOp::Clear;
      if (m->rec_op == "Clearall") rule.record_op = RecordOp::Clearall;
      rule.new_state = m->new_state;
      if (rule.line_op == LineOp::Continue && !rule.new_state.empty()) {
        return error(line_no, fmt::format("Action 'Continue' with new state {} specified.", rule.new_state),
                     offset_in_file(*action));
      }
      if (rule.line_op != LineOp::Error && !rule.new_state.empty() && !matches(pats.patterns[4], rule.new_state)) {
        return error(line_no, "Alphanumeric characters only in state names.", offset_in_file(*action));
      }
    }
    (void)raw_line;
    return rule;
  }

  // A rule is a candidate for a key byte unless its first-byte tables exclude it; the
  // per-rule check (Prefilter) still runs on candidates, so this only skips rules.
  static void build_dispatch(State& state) {
    std::vector<std::uint16_t> all;
    for (std::size_t r = 0; r < state.rules.size(); ++r) all.push_back(static_cast<std::uint16_t>(r));
    state.candidate_lists = {all};
    for (std::size_t key = 0; key < 512; ++key) {
      const auto b = static_cast<unsigned char>(key & 0xFF);
      const bool after_spaces = key >= 256;
      std::vector<std::uint16_t> list;
      for (std::size_t r = 0; r < state.rules.size(); ++r) {
        const Prefilter& pf = state.rules[r].prefilter;
        bool admit = true;
        if (!after_spaces) {
          admit = (!pf.lead && !pf.check_first) || pf.first[b];
        } else if (pf.lead) {
          admit = pf.after_lead[b];
        } else {
          admit = !pf.check_first || pf.first[static_cast<unsigned char>(' ')];
        }
        if (admit) list.push_back(static_cast<std::uint16_t>(r));
      }
      auto it = std::find(state.candidate_lists.begin(), state.candidate_lists.end(), list);
      if (it == state.candidate_lists.end()) it = state.candidate_lists.insert(state.candidate_lists.end(), std::move(list));
      state.dispatch[key] = static_cast<std::uint16_t>(it - state.candidate_lists.begin());
    }
  }

  Result<void> validate() {
    auto find_state = [&](std::string_view name) -> int {
      for (std::size_t i = 0; i < tpl_.states_.size(); ++i) {
        if (tpl_.states_[i].name == name) return static_cast<int>(i);
      }
      return -1;
    };
    if (find_state("Start") < 0) return error(0, "Missing state 'Start'.");
    if (int e = find_state("End"); e >= 0 && !tpl_.states_[static_cast<std::size_t>(e)].rules.empty()) {
      return error(tpl_.states_[static_cast<std::size_t>(e)].line, "Non-Empty 'End' state.");
    }
    if (int e = find_state("EOF"); e >= 0 && !tpl_.states_[static_cast<std::size_t>(e)].rules.empty()) {
      return error(tpl_.states_[static_cast<std::size_t>(e)].line, "Non-Empty 'EOF' state.");
    }
    if (int e = find_state("End"); e >= 0) tpl_.states_.erase(tpl_.states_.begin() + e);
    tpl_.has_eof_ = find_state("EOF") >= 0;
    for (auto& state : tpl_.states_) build_dispatch(state);
    // Rules looking for the same literal share one search per line.
    std::vector<std::string> needles;
    for (auto& state : tpl_.states_) {
      for (auto& rule : state.rules) {
        if (rule.prefilter.needle.empty()) continue;
        auto it = std::find(needles.begin(), needles.end(), rule.prefilter.needle);
        if (it == needles.end()) it = needles.insert(needles.end(), rule.prefilter.needle);
        rule.prefilter.needle_id = static_cast<int>(it - needles.begin());
      }
    }
    tpl_.start_ = find_state("Start");
    for (auto& state : tpl_.states_) {
      for (auto& rule : state.rules) {
        if (rule.line_op == LineOp::Error || rule.new_state.empty()) {
          rule.target = kStay;
          continue;
        }
        if (rule.new_state == "End") {
          rule.target = kEnd;
          continue;
        }
        if (rule.new_state == "EOF") {
          rule.target = kEof;
          continue;
        }
        rule.target = find_state(rule.new_state);
        if (rule.target < 0) {
          return error(rule.line, fmt::format("State '{}' not found, referenced in state '{}'.", rule.new_state, state.name));
        }
      }
    }
    return {};
  }
};

Result<Template> Template::compile(std::string_view text, std::string file) {
  return TemplateCompiler(text, std::move(file)).run();
}

Result<Template> Template::load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(Error{ErrorKind::InputRefused, "cannot read the template", path.string(), {}, {}, {}});
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return compile(buffer.str(), path.string());
}

std::vector<std::string> Template::header() const {
  std::vector<std::string> names;
  for (const auto& v : values_) names.push_back(v.name);
  return names;
}

std::vector<std::string> Template::values_with(ValueOption option) const {
  std::vector<std::string> names;
  for (const auto& v : values_) {
    if (v.has(option)) names.push_back(v.name);
  }
  return names;
}

const Rule* Template::rule_by_id(std::uint32_t id) const {
  for (const auto& s : states_) {
    for (const auto& r : s.rules) {
      if (r.id == id) return &r;
    }
  }
  return nullptr;
}

}  // namespace st::textfsm
