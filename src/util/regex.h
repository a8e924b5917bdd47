// A small RAII wrapper over PCRE2 (8-bit, JIT when available): Python `re`-style
// syntax including (?P<name>...) and lookarounds, errors with PCRE2's message and offset.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace st::util {

class Regex {
 public:
  static Result<Regex> compile(std::string_view pattern);

  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;
  ~Regex();

  // The text of a named group in the first match, or nullopt (no match or group unset).
  std::optional<std::string_view> named_group(std::string_view subject, std::string_view group) const;
  bool matches(std::string_view subject) const;
  const std::string& pattern() const { return pattern_; }

 private:
  struct Impl;
  explicit Regex(std::unique_ptr<Impl> impl, std::string pattern);
  std::unique_ptr<Impl> impl_;
  std::string pattern_;
};

}  // namespace st::util
