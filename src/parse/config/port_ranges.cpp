#include "parse/config/port_ranges.h"

#include "parse/line_cursor.h"

namespace st::parse::config {
namespace {

bool is_port(std::string_view word) {
  return !word.empty() && is_digit(word.front()) && word.find('/') != std::string_view::npos;
}

bool is_keyword(std::string_view word) {
  return iequals(word, "ethe") || iequals(word, "ethernet") || iequals(word, "eth") || iequals(word, "e");
}

}  // namespace

std::vector<std::string> expand_port_ranges(std::string_view text) {
  std::vector<Token> words;
  tokenize(text, words);
  std::vector<std::string> ports;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i].text;
    if (is_keyword(w)) continue;
    if (!is_port(w)) continue;
    // "A to B": every port from A to B on A's slot.
    if (i + 2 < words.size() && iequals(words[i + 1].text, "to") && is_port(words[i + 2].text)) {
      const std::string_view last = words[i + 2].text;
      const std::size_t slash_a = w.rfind('/');
      const std::size_t slash_b = last.rfind('/');
      const auto from = to_int<int>(w.substr(slash_a + 1));
      const auto to = to_int<int>(last.substr(slash_b + 1));
      if (from && to && *to >= *from && *to - *from < 4096 && w.substr(0, slash_a) == last.substr(0, slash_b)) {
        for (int n = *from; n <= *to; ++n) ports.push_back(std::string(w.substr(0, slash_a + 1)) + std::to_string(n));
        i += 2;
        continue;
      }
    }
    ports.emplace_back(w);
  }
  return ports;
}

}  // namespace st::parse::config
