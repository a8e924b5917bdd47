// Python `re` syntax to PCRE2 syntax, for TextFSM rule and value patterns.
//
// Named groups become plain numbered groups (PCRE2 caps names at 32 characters and to
// ASCII word characters; Python does not), so the caller reads captures by number from
// `groups`. Python-only spellings are rewritten: \Z -> \z, {,n} -> {0,n}, \uXXXX and
// \UXXXXXXXX -> \x{...}, (?P=name) -> \g{N}, (?(name)...) -> (?(N)...), (?u)/(?a)/(?L)
// dropped. Python's \s also matches \x1f; so does ours. A '[' inside a class is literal
// in Python, so it is escaped (PCRE2 would read "[:alpha:]" as a POSIX class).
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace st::textfsm {

struct NamedGroup {
  std::string name;
  std::uint32_t number = 0;  // PCRE2 capture number
};

struct Translation {
  std::string pattern;                // PCRE2 syntax
  std::vector<std::uint32_t> origin;  // origin[i]: offset in the Python pattern of pattern[i]; one extra at the end
  std::vector<NamedGroup> groups;     // in the order they open (Python's groupdict order)
  std::uint32_t capture_count = 0;    // all capturing groups, named or not (Python's .groups)
  bool caseless = false;              // an (?i) flag appears somewhere
  bool ascii = false;                 // a global (?a): \w \d \s \b are ASCII-only
};

struct TranslateError {
  std::string message;
  std::size_t offset = 0;  // in the Python pattern
};

std::expected<Translation, TranslateError> translate_python_regex(std::string_view python);

}  // namespace st::textfsm
