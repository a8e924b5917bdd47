// PCRE2 (8-bit, UTF + UCP, JIT) patterns for the TextFSM engine: compiled once, matched
// many times with a caller-owned MatchScratch (match data, match context, JIT stack), so
// the hot path allocates nothing. Patterns here are already in PCRE2 syntax (see
// py_regex.h for the translation from Python `re`). src/util/regex.h is the general
// wrapper; this one exposes what the engine needs (anchored compile, ovector, analysis).
#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <memory>
#include <string>
#include <string_view>

struct pcre2_real_code_8;
struct pcre2_real_match_data_8;
struct pcre2_real_match_context_8;
struct pcre2_real_jit_stack_8;

namespace st::textfsm {

struct PcreError {
  std::string message;     // PCRE2's own message
  std::size_t offset = 0;  // byte offset in the pattern where PCRE2 stopped
};

class MatchScratch;

class PcrePattern {
 public:
  // `anchored`: matches only at the start of the subject (Python's re.match), compiled in
  // so that JIT code serves it. `ucp`: Unicode \d \s \w \b (Python 3 str patterns).
  // `fast`: JIT-compile it, plus a byte-mode twin for ASCII subjects (for patterns run on
  // every input line; an index or a template's own syntax patterns need neither).
  static std::expected<PcrePattern, PcreError> compile(std::string_view pattern, bool anchored, bool ucp = true,
                                                       bool fast = true);

  PcrePattern() = default;  // matches nothing until assigned
  PcrePattern(PcrePattern&&) noexcept;
  PcrePattern& operator=(PcrePattern&&) noexcept;
  ~PcrePattern();

  std::uint32_t capture_count() const;
  std::uint32_t min_length() const;
  pcre2_real_code_8* code() const { return code_; }
  // The same pattern compiled for byte subjects (no UTF, no UCP): on a pure-ASCII subject
  // it matches exactly as code() does, and faster. Null when the pattern holds non-ASCII
  // text or \x{...} escapes (a multi-byte character under a quantifier would differ).
  pcre2_real_code_8* ascii_code() const { return ascii_code_; }
  pcre2_real_code_8* code_for(bool ascii_subject) const {
    return ascii_subject && ascii_code_ != nullptr ? ascii_code_ : code_;
  }
  bool jit() const { return jit_; }

  // pcre2 return code: > 0 matched (number of pairs set), PCRE2_ERROR_NOMATCH, or another error.
  int match(std::string_view subject, MatchScratch& scratch) const;
  static bool is_ascii(std::string_view s);

  // Could a subject that starts with `prefix` match? (PCRE2_PARTIAL_HARD: a partial or
  // full match says maybe; no match says never.) For analysis, not the hot path.
  bool may_match_from(std::string_view prefix) const;

 private:
  explicit PcrePattern(pcre2_real_code_8* code, bool jit) : code_(code), jit_(jit) {}
  pcre2_real_code_8* code_ = nullptr;
  pcre2_real_code_8* ascii_code_ = nullptr;
  bool jit_ = false;
};

// Per-thread matching state; sized for the largest pattern it will serve.
class MatchScratch {
 public:
  explicit MatchScratch(std::uint32_t max_captures = 64);
  MatchScratch(const MatchScratch&) = delete;
  MatchScratch& operator=(const MatchScratch&) = delete;
  ~MatchScratch();

  const std::size_t* ovector() const { return ovector_; }
  std::uint32_t pairs() const { return pairs_; }
  pcre2_real_match_data_8* data() const { return data_; }
  pcre2_real_match_context_8* context() const { return context_; }

 private:
  pcre2_real_match_data_8* data_ = nullptr;
  pcre2_real_match_context_8* context_ = nullptr;
  const std::size_t* ovector_ = nullptr;
  std::uint32_t pairs_ = 0;
};

// PCRE2's "unset" marker in an ovector.
inline constexpr std::size_t kUnset = ~std::size_t{0};

}  // namespace st::textfsm
