#include "rules/rule_test.h"

#include <charconv>
#include <chrono>

namespace st::rules {

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t us_since(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t).count();
}

// The number after `marker` in `text` ("template line 4: ..." -> 4).
std::optional<std::uint64_t> number_after(std::string_view text, std::string_view marker) {
  const auto at = text.find(marker);
  if (at == std::string_view::npos) return std::nullopt;
  const char* begin = text.data() + at + marker.size();
  std::uint64_t n = 0;
  auto [end, ec] = std::from_chars(begin, text.data() + text.size(), n);
  if (ec != std::errc() || end == begin) return std::nullopt;
  return n;
}

// Where a problem sits in the rule's text: its pointer's value, and for a bad pattern the
// character the column names inside the string.
void place(RuleTestProblem& p, std::string_view text) {
  auto span = locate_json_pointer(text, p.pointer);
  if (!span) return;
  if (p.pattern_column && span->length > 0 && text[span->offset] == '"') {
    const std::size_t at = offset_in_string_literal(text, span->offset, *p.pattern_column - 1);
    const std::size_t end = span->offset + span->length;
    span = TextSpan{at, at + 1 < end ? std::size_t{1} : std::size_t{0}};
  }
  p.at = span;
}

void add_run(RuleTestReport& report, const LoadedRule& loaded, std::string_view sample) {
  report.loaded = true;
  report.rule_id = loaded.rule.id;
  report.kind = std::string(to_string(loaded.rule.kind));
  report.fields = loaded.executor->fields();
  report.sample = std::string(sample);
  const auto started = Clock::now();
  report.run = loaded.executor->run(report.sample, true);
  report.parse_us = us_since(started);
  for (const auto& e : report.run.errors) {
    report.problems.push_back({ProblemKind::Run, e.message, {}, e.line ? std::optional<std::uint64_t>(e.line) : std::nullopt,
                               {}, {}, {}});
  }
  for (const auto& w : report.run.warnings) {
    report.problems.push_back({ProblemKind::Warning, "warning: " + w.message, {},
                               w.line ? std::optional<std::uint64_t>(w.line) : std::nullopt, {}, {}, {}});
  }
  if (report.run.stopped != StopReason::None) {
    report.problems.push_back({ProblemKind::Sandbox, report.run.stop_detail, {}, number_after(report.run.stop_detail, "line "),
                               {}, {}, {}});
  }
}

}  // namespace

std::string_view to_string(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::Json: return "json";
    case ProblemKind::Load: return "parse";
    case ProblemKind::Sample: return "sample";
    case ProblemKind::Run: return "parse";
    case ProblemKind::Warning: return "warning";
    case ProblemKind::Sandbox: return "sandbox";
  }
  return "parse";
}

std::vector<RuleTestProblem> load_problems(const Error& error) {
  std::vector<RuleTestProblem> problems;
  for (std::string_view rest = error.message; !rest.empty();) {
    const auto nl = rest.find("\n  ");
    const std::string line(rest.substr(0, nl));
    RuleTestProblem p;
    p.kind = ProblemKind::Load;
    p.message = line;
    if (auto at = line.find(": /"); at != std::string::npos) {
      if (auto end = line.find(": ", at + 2); end != std::string::npos) p.pointer = line.substr(at + 2, end - at - 2);
    }
    p.template_line = number_after(line, "template line ");
    p.pattern_column = number_after(line, "bad pattern at column ");
    problems.push_back(std::move(p));
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 3);
  }
  return problems;
}

RuleTestReport test_rule_text(const RuleTestInput& input) {
  RuleTestReport report;
  const auto started = Clock::now();
  LoadOptions options;
  options.budget = input.budget;
  options.self_test = false;  // a rule being written: its samples are reported, not enforced
  options.template_dir = input.template_dir;
  auto loaded = load_rule_text(input.rule_text, input.source, options);
  report.load_us = us_since(started);
  if (!loaded) {
    const Error& e = loaded.error();
    if (e.message.starts_with("not valid JSON")) {
      RuleTestProblem p{ProblemKind::Json, e.message, {}, {}, {}, {}, {}};
      // nlohmann reports the byte after the one it stopped at (1-based).
      if (e.offset) {
        const std::size_t at = *e.offset > 0 ? std::min<std::size_t>(*e.offset - 1, input.rule_text.size()) : 0;
        p.at = TextSpan{at, at < input.rule_text.size() ? std::size_t{1} : std::size_t{0}};
      }
      report.problems.push_back(std::move(p));
    } else {
      report.problems = load_problems(e);
      for (auto& p : report.problems) place(p, input.rule_text);
    }
    return report;
  }
  for (const auto& o : run_samples(*loaded)) {
    for (const auto& d : o.differences) {
      RuleTestProblem p{ProblemKind::Sample, d.message, d.pointer, {}, {}, {}, {}};
      place(p, input.rule_text);
      report.problems.push_back(std::move(p));
    }
  }
  std::string sample;
  if (input.sample) {
    sample = *input.sample;
  } else if (input.sample_index < loaded->rule.samples.size()) {
    sample = loaded->rule.samples[input.sample_index].input;
  }
  add_run(report, *loaded, sample);
  return report;
}

RuleTestReport test_loaded_rule(const LoadedRule& loaded, std::string_view sample) {
  RuleTestReport report;
  add_run(report, loaded, sample);
  return report;
}

}  // namespace st::rules
