// The rule sandbox: rules are data, never code. Every pattern a rule brings runs under
// PCRE2 match and depth limits, and every run of a rule over a section under a time
// budget; a rule that hits either is stopped, and the caller disables it with a warning
// that names the rule and the section.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace st::rules {

struct Budget {
  std::uint32_t match_limit = 1'000'000;  // PCRE2 match() calls per attempt
  std::uint32_t depth_limit = 10'000;     // PCRE2 backtracking depth (interpreter; JIT uses its stack)
  // Per rule per section: `time`, plus `per_megabyte` for each MB of the section, so a large
  // but honest section (rules run at 4-40 MB/s, docs/parser-rules.md) is not taken for a
  // runaway one, also in sanitizer builds.
  std::chrono::milliseconds time{500};
  std::chrono::milliseconds per_megabyte{2000};
  std::chrono::milliseconds time_for(std::size_t bytes) const {
    return time + std::chrono::milliseconds(static_cast<std::int64_t>(per_megabyte.count() * (static_cast<double>(bytes) / 1e6)));
  }
};

// Why a run was stopped.
enum class StopReason { None, MatchLimit, DepthLimit, TimeBudget, RegexError };
std::string_view to_string(StopReason reason);

// The clock of one run of one rule over one section, checked between lines.
class Deadline {
 public:
  explicit Deadline(std::chrono::milliseconds budget)
      : budget_(budget), start_(std::chrono::steady_clock::now()) {}
  // True once the budget is spent; reads the clock every 64 calls.
  bool expired() {
    if ((++calls_ & 63u) != 0) return false;
    return elapsed() > budget_;
  }
  bool expired_now() const { return elapsed() > budget_; }
  std::chrono::nanoseconds elapsed() const { return std::chrono::steady_clock::now() - start_; }
  std::chrono::milliseconds budget() const { return budget_; }
  std::int64_t budget_ms() const { return budget_.count(); }

 private:
  std::chrono::milliseconds budget_;
  std::chrono::steady_clock::time_point start_;
  std::uint32_t calls_ = 0;
};

}  // namespace st::rules
