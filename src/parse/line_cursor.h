// Small string_view helpers shared by the hand-written parsers: iterating the lines
// of a buffer with their byte offsets, trimming, and whitespace tokenizing.
// Header-only so it needs no entry in src/CMakeLists.txt.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

#include "core/ids.h"

namespace st::parse {

// One line of a buffer, without its "\n" or "\r\n".
struct Line {
  std::string_view text;
  std::size_t offset = 0;  // byte offset of text[0] in the buffer
  std::size_t number = 0;  // 1-based
  ByteRange range() const { return ByteRange{offset, text.size()}; }
};

// Yields the lines of a buffer in order. A final newline does not produce an empty line.
class LineCursor {
 public:
  explicit LineCursor(std::string_view data) : data_(data) {}

  bool next(Line& line) {
    if (pos_ >= data_.size()) return false;
    const std::size_t newline = data_.find('\n', pos_);
    const std::size_t end = newline == std::string_view::npos ? data_.size() : newline;
    std::size_t text_end = end;
    if (text_end > pos_ && data_[text_end - 1] == '\r') --text_end;
    line.text = data_.substr(pos_, text_end - pos_);
    line.offset = pos_;
    line.number = ++number_;
    pos_ = newline == std::string_view::npos ? data_.size() : newline + 1;
    return true;
  }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
  std::size_t number_ = 0;
};

constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
constexpr char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr std::string_view ltrim(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  return s.substr(i);
}
constexpr std::string_view rtrim(std::string_view s) {
  std::size_t n = s.size();
  while (n > 0 && is_space(s[n - 1])) --n;
  return s.substr(0, n);
}
constexpr std::string_view trim(std::string_view s) { return rtrim(ltrim(s)); }
constexpr bool is_blank(std::string_view s) { return ltrim(s).empty(); }

constexpr bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}
constexpr bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}
// `s` starts with `word`, ignoring case, followed by a blank or its end: a command and its
// arguments ("mab" matches "mab" and "mab eap", not "mabx").
constexpr bool starts_with_word(std::string_view s, std::string_view word) {
  return istarts_with(s, word) && (s.size() == word.size() || is_space(s[word.size()]));
}
constexpr bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

template <class Int>
std::optional<Int> to_int(std::string_view s) {
  Int value{};
  const auto* first = s.data();
  const auto* last = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(first, last, value);
  if (ec != std::errc{} || ptr != last || s.empty()) return std::nullopt;
  return value;
}

// Number of lines in `data` (an upper bound on the records a line-oriented parser emits),
// so result vectors can be reserved once instead of growing by copies.
inline std::size_t count_lines(std::string_view data) {
  std::size_t lines = 0;
  const char* p = data.data();
  const char* const end = p + data.size();
  while (p < end) {
    const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    ++lines;
    if (hit == nullptr) break;
    p = static_cast<const char*>(hit) + 1;
  }
  return lines;
}

// A whitespace-separated token and its position in the line it came from.
struct Token {
  std::string_view text;
  std::size_t begin = 0;
  std::size_t end() const { return begin + text.size(); }
};

// Splits `line` on blanks into `out` (cleared first; reuse it across lines to avoid allocations).
inline void tokenize(std::string_view line, std::vector<Token>& out) {
  out.clear();
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_space(line[i])) ++i;
    if (i >= line.size()) break;
    const std::size_t start = i;
    while (i < line.size() && !is_space(line[i])) ++i;
    out.push_back(Token{line.substr(start, i - start), start});
  }
}

}  // namespace st::parse
