// PCRE2 for rule patterns, always under the sandbox's match and depth limits. Patterns use
// PCRE2 syntax, which accepts Python's (?P<name>...) as well as (?<name>...). Subjects are
// bytes (invalid UTF-8 is tolerated); named groups are read by name or index.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "rules/sandbox.h"

namespace st::rules {

struct RegexMatch {
  std::size_t begin = 0, end = 0;                      // whole match in the subject
  std::vector<std::optional<std::string_view>> groups;  // per named group, in names() order
};

class SafeRegex {
 public:
  // Errors carry PCRE2's message and the column (1-based) in `pattern`.
  static Result<SafeRegex> compile(std::string_view pattern, const Budget& budget, bool caseless = false);

  SafeRegex(SafeRegex&&) noexcept;
  SafeRegex& operator=(SafeRegex&&) noexcept;
  ~SafeRegex();

  const std::string& pattern() const { return pattern_; }
  const std::vector<std::string>& names() const { return names_; }  // named groups, in pattern order

  // A match at or after `start`, nullopt for none; a limit that stops it yields `stopped`.
  std::optional<RegexMatch> search(std::string_view subject, StopReason& stopped, std::size_t start = 0) const;
  bool matches(std::string_view subject, StopReason& stopped) const {
    return search(subject, stopped).has_value();
  }

 private:
  struct Impl;
  SafeRegex(std::unique_ptr<Impl> impl, std::string pattern);
  std::unique_ptr<Impl> impl_;
  std::string pattern_;
  std::vector<std::string> names_;
  std::vector<std::uint32_t> numbers_;  // capture number of each name
};

}  // namespace st::rules
