#include "parse/port_ranges.h"

#include <algorithm>
#include <cstdint>

#include "parse/line_cursor.h"

namespace st::parse {
namespace {

bool is_space_or_comma(char c) { return c == ' ' || c == '\t' || c == ',' || c == '\n' || c == '\r'; }

}  // namespace

std::vector<std::string> expand_port_ranges(std::string_view text) {
  constexpr std::uint64_t kMaxRange = 4096;  // a longer "A to B" is kept as printed
  std::vector<std::string> out;
  std::string group;        // "1/1/" after "(U1/M1)", "lag" after "(LAG)"
  bool range_next = false;  // the previous word was "to"
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space_or_comma(text[i])) ++i;
    std::size_t j = i;
    while (j < text.size() && !is_space_or_comma(text[j])) ++j;
    if (j == i) break;
    std::string_view word = text.substr(i, j - i);
    i = j;
    if (word.size() > 2 && word.front() == '(' && word.back() == ')') {
      // A group header: its numbers make the prefix of the bare numbers after it.
      group.clear();
      std::string_view inner = word.substr(1, word.size() - 2);
      for (std::size_t k = 0; k < inner.size();) {
        if (!is_digit(inner[k])) {
          ++k;
          continue;
        }
        std::size_t e = k;
        while (e < inner.size() && is_digit(inner[e])) ++e;
        group += std::string(inner.substr(k, e - k)) + "/";
        k = e;
      }
      if (group.empty()) {
        for (char c : inner) group.push_back(to_lower(c));
      }
      range_next = false;
      continue;
    }
    if (iequals(word, "to")) {
      range_next = !out.empty();
      continue;
    }
    if (std::none_of(word.begin(), word.end(), is_digit)) continue;  // "ethe", "ethernet", "None"
    std::string name = !group.empty() && std::all_of(word.begin(), word.end(), is_digit) ? group + std::string(word)
                                                                                          : std::string(word);
    if (range_next) {
      range_next = false;
      // "A to B": the same name up to its last number, which counts from A's to B's.
      const std::string& from = out.back();
      auto last_number = [](const std::string& s) {
        std::size_t e = s.size();
        while (e > 0 && !is_digit(s[e - 1])) --e;
        std::size_t b = e;
        while (b > 0 && is_digit(s[b - 1])) --b;
        return std::pair{b, e};
      };
      const auto [fb, fe] = last_number(from);
      const auto [tb, te] = last_number(name);
      const auto a = to_int<std::uint64_t>(std::string_view(from).substr(fb, fe - fb));
      const auto b = to_int<std::uint64_t>(std::string_view(name).substr(tb, te - tb));
      if (a && b && *a < *b && *b - *a <= kMaxRange && from.compare(0, fb, name, 0, tb) == 0 &&
          from.compare(fe, std::string::npos, name, te, std::string::npos) == 0) {
        const std::string head = from.substr(0, fb), tail = from.substr(fe);
        for (std::uint64_t n = *a + 1; n < *b; ++n) out.push_back(head + std::to_string(n) + tail);
      }
    }
    out.push_back(std::move(name));
  }
  return out;
}

}  // namespace st::parse
