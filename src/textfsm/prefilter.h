// Cheap checks run before a rule's regex on each input line. Every check is implied by
// the regex, so skipping the match when one fails never changes a result; they only
// spare the PCRE2 call (most lines meet most rules of a state and fail them).
//
//  - min_length: PCRE2's minimum match length (characters, so also a bound in bytes);
//  - first: bytes a matching line can start with, probed with partial matching;
//  - lead: the pattern is ^\s+REST or ^\s*REST where REST cannot start with a space:
//    after the line's leading ASCII whitespace the next byte must be in after_lead and
//    the text must start with `prefix`;
//  - needle: a literal every match contains (longest one found outside optional parts
//    and alternations), looked for with memchr on its rarest byte.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "textfsm/pcre_pattern.h"
#include "textfsm/py_regex.h"

namespace st::textfsm {

struct Prefilter {
  std::uint32_t min_length = 0;
  bool check_first = false;
  std::array<bool, 256> first{};
  bool lead = false;
  std::array<bool, 256> after_lead{};
  std::string prefix;
  std::string needle;
  std::uint32_t anchor = 0;  // index into needle of its rarest byte
  int needle_id = -1;        // rules of a template share results for the same needle

  // `lead_ws`: the number of leading ASCII whitespace bytes of `line` (LineFacts).
  bool admits(std::string_view line, std::size_t lead_ws) const;
};

// Per-line facts shared by all rules: leading whitespace and memoised needle searches.
class LineFacts {
 public:
  void reset(std::string_view line);
  std::size_t lead_ws() const { return lead_ws_; }
  bool admits(const Prefilter& pf);

 private:
  std::string_view line_;
  std::size_t lead_ws_ = 0;
  std::uint64_t known_ = 0, present_ = 0;
};

bool contains_needle(std::string_view line, const std::string& needle, std::uint32_t anchor);

// `py_regex` is the rule's pattern after ${VALUE} substitution (Python syntax), `tr` its
// translation and `pattern` its compiled (anchored) form.
Prefilter make_prefilter(std::string_view py_regex, const Translation& tr, const PcrePattern& pattern);

// The literal substrings every match of `py_regex` contains (exposed for tests).
std::vector<std::string> required_literals(std::string_view py_regex);

}  // namespace st::textfsm
