// `regex` rules: named groups become fields. Per line: each line that one of the patterns
// matches (the first that does) is a record. Per block: a block opens at a line matching
// `block_start` and closes before the next one, at a line matching `block_end` (kept), or
// at the end; every pattern is tried on every line of the block, and the first value a
// field gets is kept (fields listed in `list_fields` collect every value in an array).
#include <fmt/format.h>

#include <algorithm>

#include "rules/rule_executor.h"
#include "rules/safe_regex.h"
#include "rules/text_lines.h"

namespace st::rules {

namespace {

using nlohmann::ordered_json;

class RegexExecutor final : public RuleExecutor {
 public:
  RegexExecutor(std::vector<SafeRegex> patterns, std::optional<SafeRegex> start, std::optional<SafeRegex> end,
                std::vector<std::string> lists, Budget budget)
      : patterns_(std::move(patterns)), start_(std::move(start)), end_(std::move(end)), lists_(std::move(lists)),
        budget_(budget) {
    auto add = [&](const SafeRegex& re) {
      for (const auto& n : re.names()) {
        if (std::find(fields_.begin(), fields_.end(), n) == fields_.end()) fields_.push_back(n);
      }
    };
    if (start_) add(*start_);
    for (const auto& p : patterns_) add(p);
    if (end_) add(*end_);
  }

  std::vector<std::string> fields() const override { return fields_; }

  RuleRun run(std::string_view text, bool) const override {
    RuleRun out;
    TextLines lines(text);
    out.lines = lines.count();
    Deadline deadline(budget_.time_for(text.size()));
    std::optional<RuleRecord> block;
    auto close_block = [&] {
      if (!block) return;
      block->source = lines.range_of(block->lines);
      out.records.push_back(std::move(*block));
      block.reset();
    };
    for (std::size_t n = 1; n <= lines.count(); ++n) {
      if (deadline.expired()) {
        stop(out, StopReason::TimeBudget, n);
        return out;
      }
      const std::string_view line = lines.line(n);
      StopReason stopped = StopReason::None;
      if (!start_) {
        for (const auto& re : patterns_) {
          auto m = re.search(line, stopped);
          if (stopped != StopReason::None) return stop(out, stopped, n), out;
          if (!m) continue;
          RuleRecord r = empty_record();
          assign(r, re, *m);
          r.lines.push_back(static_cast<std::uint32_t>(n));
          r.source = lines.range(n, n);
          out.records.push_back(std::move(r));
          break;
        }
        continue;
      }
      auto opened = start_->search(line, stopped);
      if (stopped != StopReason::None) return stop(out, stopped, n), out;
      if (opened) {
        close_block();
        block = empty_record();
        assign(*block, *start_, *opened);
        block->lines.push_back(static_cast<std::uint32_t>(n));
        continue;
      }
      if (!block) continue;
      bool fed = false;
      for (const auto& re : patterns_) {
        auto m = re.search(line, stopped);
        if (stopped != StopReason::None) return stop(out, stopped, n), out;
        if (!m) continue;
        assign(*block, re, *m);
        fed = true;
      }
      if (end_) {
        auto closed = end_->search(line, stopped);
        if (stopped != StopReason::None) return stop(out, stopped, n), out;
        if (closed) {
          assign(*block, *end_, *closed);
          block->lines.push_back(static_cast<std::uint32_t>(n));
          close_block();
          continue;
        }
      }
      if (fed) block->lines.push_back(static_cast<std::uint32_t>(n));
    }
    close_block();
    out.seconds = std::chrono::duration<double>(deadline.elapsed()).count();
    if (deadline.expired_now()) stop(out, StopReason::TimeBudget, lines.count());
    return out;
  }

 private:
  RuleRecord empty_record() const {
    RuleRecord r;
    for (const auto& f : fields_) r.row[f] = is_list(f) ? ordered_json::array() : ordered_json(nullptr);
    return r;
  }
  bool is_list(const std::string& f) const { return std::find(lists_.begin(), lists_.end(), f) != lists_.end(); }

  void assign(RuleRecord& r, const SafeRegex& re, const RegexMatch& m) const {
    for (std::size_t g = 0; g < m.groups.size(); ++g) {
      if (!m.groups[g]) continue;
      auto& cell = r.row[re.names()[g]];
      if (cell.is_array()) cell.push_back(std::string(*m.groups[g]));
      else if (cell.is_null()) cell = std::string(*m.groups[g]);
    }
  }

  void stop(RuleRun& out, StopReason reason, std::size_t line) const {
    out.stopped = reason;
    out.stop_detail = describe_stop(reason, line, budget_);
  }

  std::vector<SafeRegex> patterns_;
  std::optional<SafeRegex> start_, end_;
  std::vector<std::string> lists_;
  Budget budget_;
  std::vector<std::string> fields_;
};

Result<SafeRegex> compile_at(const nlohmann::ordered_json& value, const std::string& pointer, const Budget& budget,
                             bool caseless) {
  auto re = SafeRegex::compile(value.get<std::string>(), budget, caseless);
  if (!re) return fail(ErrorKind::Parse, fmt::format("{}: {}", pointer, re.error().message));
  return re;
}

}  // namespace

std::string describe_stop(StopReason reason, std::size_t line, const Budget& budget) {
  switch (reason) {
    case StopReason::MatchLimit:
      return fmt::format("stopped at input line {}: a pattern hit the PCRE2 match limit ({})", line, budget.match_limit);
    case StopReason::DepthLimit:
      return fmt::format("stopped at input line {}: a pattern hit the PCRE2 depth limit ({})", line, budget.depth_limit);
    case StopReason::TimeBudget:
      return fmt::format("stopped at input line {}: over its time budget ({} ms + {} ms per MB of output)", line,
                         budget.time.count(), budget.per_megabyte.count());
    case StopReason::RegexError: return fmt::format("stopped at input line {}: PCRE2 failed to match", line);
    case StopReason::None: break;
  }
  return {};
}

Result<std::unique_ptr<RuleExecutor>> compile_regex(const ParserRule& rule, const CompileContext& context) {
  const auto& spec = rule.spec;
  const bool caseless = spec.value("ignore_case", false);
  std::vector<SafeRegex> patterns;
  if (auto p = spec.find("patterns"); p != spec.end()) {
    for (std::size_t i = 0; i < p->size(); ++i) {
      ST_TRY(auto re, compile_at((*p)[i], fmt::format("/regex/patterns/{}", i), context.budget, caseless));
      patterns.push_back(std::move(re));
    }
  }
  std::optional<SafeRegex> start, end;
  if (auto s = spec.find("block_start"); s != spec.end()) {
    ST_TRY(auto re, compile_at(*s, "/regex/block_start", context.budget, caseless));
    start = std::move(re);
  }
  if (auto e = spec.find("block_end"); e != spec.end()) {
    if (!start) return fail(ErrorKind::Parse, "/regex/block_end: needs block_start");
    ST_TRY(auto re, compile_at(*e, "/regex/block_end", context.budget, caseless));
    end = std::move(re);
  }
  if (patterns.empty() && !start) return fail(ErrorKind::Parse, "/regex/patterns: no pattern to match");
  for (const auto& re : patterns) {
    if (re.names().empty() && !start) {
      return fail(ErrorKind::Parse, fmt::format("/regex/patterns: '{}' has no named group, so its records would be empty",
                                                re.pattern()));
    }
  }
  std::vector<std::string> lists;
  if (auto l = spec.find("list_fields"); l != spec.end()) {
    for (const auto& f : *l) lists.push_back(f.get<std::string>());
  }
  return std::make_unique<RegexExecutor>(std::move(patterns), std::move(start), std::move(end), std::move(lists),
                                         context.budget);
}

}  // namespace st::rules
