// Line iteration over raw bytes without copying: each line is a string_view with its
// byte offset, so every record can point back at exact bytes.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace st::parse {

struct Line {
  std::string_view text;       // without the terminating '\n' (a '\r' may remain)
  std::uint64_t offset = 0;    // of text[0] in the scanned buffer
  std::uint64_t full_length = 0;  // including the '\n', if any
};

template <class F>
void for_each_line(std::string_view text, F&& visit) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
    Line line{text.substr(pos, end - pos), pos, (nl ? end + 1 : end) - pos};
    visit(line);
    pos = nl ? end + 1 : end;
  }
}

inline std::string_view strip_cr(std::string_view s) {
  while (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace st::parse
