// Line starts of a text, so a rule's line numbers become byte ranges.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/ids.h"

namespace st::rules {

class TextLines {
 public:
  explicit TextLines(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n' && i + 1 < text.size()) starts_.push_back(i + 1);
    }
    if (text.empty()) starts_.clear();
  }
  std::size_t count() const { return starts_.size(); }
  // Line n (1-based) without its "\n" or "\r\n".
  std::string_view line(std::size_t n) const {
    const std::size_t b = starts_[n - 1];
    std::size_t e = n < starts_.size() ? starts_[n] - 1 : text_.size();
    if (e > b && text_[e - 1] == '\n') --e;
    if (e > b && text_[e - 1] == '\r') --e;
    return text_.substr(b, e - b);
  }
  std::size_t start(std::size_t n) const { return starts_[n - 1]; }
  // Bytes from the start of line `first` to the end of line `last` (1-based, inclusive),
  // trailing blanks of the last line left out (as the built-in parsers report rows).
  ByteRange range(std::size_t first, std::size_t last) const {
    if (first == 0 || first > starts_.size()) return {};
    if (last < first) last = first;
    if (last > starts_.size()) last = starts_.size();
    const std::size_t b = starts_[first - 1];
    std::string_view tail = line(last);
    while (!tail.empty() && (tail.back() == ' ' || tail.back() == '\t')) tail.remove_suffix(1);
    const std::size_t e = std::max(b, start(last) + tail.size());
    return ByteRange{b, e - b};
  }
  template <class Lines>
  ByteRange range_of(const Lines& lines) const {
    if (lines.empty()) return {};
    std::size_t lo = lines.front(), hi = lines.front();
    for (auto n : lines) {
      lo = std::min<std::size_t>(lo, n);
      hi = std::max<std::size_t>(hi, n);
    }
    return range(lo, hi);
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

}  // namespace st::rules
