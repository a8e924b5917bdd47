// `textfsm` rules: a template (a file in rules/templates/ or inline) run by the TextFSM
// engine (src/textfsm/). Records are keyed by the template's Value names as written; a
// List value is an array.
//
// Sandbox: the engine matches as Python does, with no backtracking limit, and takes none
// from outside (TextFSM rule lines must start with '^', so no (*LIMIT_MATCH=n) can be put
// in front). So every rule pattern that could backtrack without bound (a group with an
// unbounded quantifier inside, itself under one: (a+)+, (\s*-*)*) is screened first: it
// runs under the sandbox's match and depth limits on every line of the section, a superset
// of the lines the engine will try it on. If the screen passes, each of the engine's
// matches of it is known to finish within the limit; if it hits the limit, the engine is not
// run. Other patterns cost nothing extra. The time budget is checked when the run returns.
#include <fmt/format.h>

#include <algorithm>

#include "rules/rule_executor.h"
#include "rules/safe_regex.h"
#include "rules/text_lines.h"
#include "textfsm/fsm.h"
#include "textfsm/records_json.h"
#include "textfsm/py_regex.h"
#include "textfsm/template.h"

namespace st::rules {

namespace {

using nlohmann::ordered_json;

// The engine's record storage is being reworked (a vector of rows, then one flat table);
// these two helpers read either, so this file builds against both.
template <class Records>
std::size_t count_of(const Records& records) {
  return records.size();
}
template <class Records>
ordered_json record_json(const textfsm::Template& tpl, const Records& records, std::size_t i) {
  if constexpr (requires { record_to_json(tpl, records, i); }) {
    return record_to_json(tpl, records, i);
  } else {
    return row_to_json(tpl, records[i]);
  }
}

// True when a group holding an unbounded quantifier (*, +, {n,}) is itself repeated
// without bound: the shape of catastrophic backtracking. Reads PCRE2 syntax.
bool may_backtrack_without_bound(std::string_view p) {
  std::vector<bool> inner;  // per open group: holds an unbounded quantifier
  bool last_group_unbounded = false;  // the group just closed held one
  auto unbounded_at = [&](std::size_t i) {
    if (i >= p.size()) return false;
    if (p[i] == '*' || p[i] == '+') return true;
    if (p[i] == '{') {
      const auto close = p.find('}', i);
      return close != std::string_view::npos && p.substr(i, close - i).find(',') != std::string_view::npos &&
             p[close - 1] == ',';
    }
    return false;
  };
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      ++i;
      last_group_unbounded = false;
      if (unbounded_at(i + 1) && !inner.empty()) inner.back() = true;
      continue;
    }
    if (c == '[') {  // a class is one atom
      std::size_t j = i + 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;
      while (j < p.size() && p[j] != ']') j += p[j] == '\\' ? 2 : 1;
      i = j;
      last_group_unbounded = false;
      if (unbounded_at(i + 1) && !inner.empty()) inner.back() = true;
      continue;
    }
    if (c == '(') {
      inner.push_back(false);
      last_group_unbounded = false;
      continue;
    }
    if (c == ')') {
      const bool held = !inner.empty() && inner.back();
      if (!inner.empty()) inner.pop_back();
      if (unbounded_at(i + 1)) {
        if (held) return true;
        if (!inner.empty()) inner.back() = true;
      } else if (held && !inner.empty()) {
        inner.back() = true;
      }
      last_group_unbounded = held;
      continue;
    }
    if (unbounded_at(i) && !inner.empty() && i > 0) inner.back() = true;
    last_group_unbounded = false;
  }
  (void)last_group_unbounded;
  return false;
}

class TextfsmExecutor final : public RuleExecutor {
 public:
  TextfsmExecutor(textfsm::Template tpl, Budget budget, std::vector<SafeRegex> screens)
      : tpl_(std::move(tpl)), budget_(budget), screens_(std::move(screens)) {}

  std::vector<std::string> fields() const override { return tpl_.header(); }

  RuleRun run(std::string_view text, bool trace) const override { return run_impl(text, trace, nullptr); }

  bool has_engine_records() const override { return true; }
  RuleRun run_engine(std::string_view text, EngineRecords& engine) const override {
    return run_impl(text, false, &engine);
  }

 private:
  // With `engine`, records stay the engine's (no JSON rows); else they become RuleRecords.
  RuleRun run_impl(std::string_view text, bool trace, EngineRecords* engine) const {
    RuleRun out;
    out.record_keys = tpl_.values_with(textfsm::ValueOption::Key);
    Deadline deadline(budget_.time_for(text.size()));
    if (!screens_.empty() && !screen(text, out, deadline)) return out;
    auto parsed = textfsm::parse_text(tpl_, text, true);
    if (!parsed) {
      const Error& e = parsed.error();
      std::uint32_t line = 0;
      if (auto at = e.message.find("input line "); at != std::string::npos) line = static_cast<std::uint32_t>(std::atoi(e.message.c_str() + at + 11));
      if (e.message.find("match limit") != std::string::npos) {
        out.stopped = StopReason::MatchLimit;
        out.stop_detail = describe_stop(out.stopped, line, budget_);
      } else if (e.message.find("depth limit") != std::string::npos || e.message.find("stack") != std::string::npos) {
        out.stopped = StopReason::DepthLimit;
        out.stop_detail = describe_stop(out.stopped, line, budget_);
      } else {
        out.errors.push_back({line, {}, e.line ? fmt::format("template line {}: {}", *e.line, e.message) : e.message});
      }
      return out;
    }
    out.lines = parsed->lines;
    TextLines lines(text);
    if (engine) {
      engine->tpl = &tpl_;
      engine->sources.clear();
      engine->sources.reserve(parsed->trace.record_lines.size());
      for (const auto& fed : parsed->trace.record_lines) engine->sources.push_back(lines.range_of(fed));
      engine->parsed = std::move(*parsed);
      if (deadline.expired_now()) {
        out.stopped = StopReason::TimeBudget;
        out.stop_detail = describe_stop(out.stopped, out.lines, budget_);
      }
      return out;
    }
    const auto& records = parsed->records;
    out.records.reserve(count_of(records));
    for (std::size_t i = 0; i < count_of(records); ++i) {
      RuleRecord r;
      r.row = record_json(tpl_, records, i);
      if (i < parsed->trace.record_lines.size()) {
        const auto& fed = parsed->trace.record_lines[i];
        r.source = lines.range_of(fed);
        if (trace) {
          r.lines.assign(fed.begin(), fed.end());  // a line two Continue rules matched is listed once
          std::sort(r.lines.begin(), r.lines.end());
          r.lines.erase(std::unique(r.lines.begin(), r.lines.end()), r.lines.end());
        }
      }
      out.records.push_back(std::move(r));
    }
    if (deadline.expired_now()) {
      out.stopped = StopReason::TimeBudget;
      out.stop_detail = describe_stop(out.stopped, out.lines, budget_);
    }
    return out;
  }

  bool screen(std::string_view text, RuleRun& out, Deadline& deadline) const {
    TextLines lines(text);
    for (std::size_t n = 1; n <= lines.count(); ++n) {
      for (const auto& re : screens_) {
        StopReason stopped = StopReason::None;
        re.search(lines.line(n), stopped);
        if (stopped == StopReason::None && deadline.expired()) stopped = StopReason::TimeBudget;
        if (stopped != StopReason::None) {
          out.stopped = stopped;
          out.stop_detail = describe_stop(stopped, n, budget_) + fmt::format(" (pattern {})", re.pattern());
          return false;
        }
      }
    }
    return true;
  }

  textfsm::Template tpl_;
  Budget budget_;
  std::vector<SafeRegex> screens_;
};

}  // namespace

Result<std::unique_ptr<RuleExecutor>> compile_textfsm(const ParserRule& rule, const CompileContext& context) {
  std::string text;
  std::string name;
  const std::string pointer = "/textfsm";
  if (auto inline_text = rule.spec.find("inline"); inline_text != rule.spec.end()) {
    name = rule.id + " (inline template)";
    if (inline_text->is_array()) {
      for (const auto& l : *inline_text) text += l.get<std::string>() + "\n";
    } else {
      text = inline_text->get<std::string>();
    }
  } else {
    name = rule.spec.at("template").get<std::string>();
    auto found = context.templates ? context.templates(name) : std::nullopt;
    if (!found) return fail(ErrorKind::NotFound, fmt::format("{}/template: no template named '{}'", pointer, name));
    text = std::move(*found);
  }
  auto tpl = textfsm::Template::compile(text, name);
  if (!tpl) {
    const Error& e = tpl.error();
    return fail(ErrorKind::Parse, fmt::format("{}: {}{}", pointer, e.line ? fmt::format("template line {}: ", *e.line) : "",
                                              e.message));
  }
  std::vector<SafeRegex> screens;
  for (const auto& state : tpl->states()) {
    for (const auto& r : state.rules) {
      auto tr = textfsm::translate_python_regex(r.regex);
      if (!tr || !may_backtrack_without_bound(tr->pattern)) continue;
      auto re = SafeRegex::compile("\\A(?:" + tr->pattern + ")", context.budget, tr->caseless);
      if (re) screens.push_back(std::move(*re));
    }
  }
  return std::make_unique<TextfsmExecutor>(std::move(*tpl), context.budget, std::move(screens));
}

Result<std::unique_ptr<RuleExecutor>> compile_executor(const ParserRule& rule, const CompileContext& context) {
  switch (rule.kind) {
    case RuleKind::Textfsm: return compile_textfsm(rule, context);
    case RuleKind::Regex: return compile_regex(rule, context);
    case RuleKind::Delimiter: return compile_delimiter(rule, context);
    case RuleKind::Jsonpath: return compile_jsonpath(rule, context);
  }
  return fail(ErrorKind::Internal, "unknown rule kind");
}

}  // namespace st::rules
