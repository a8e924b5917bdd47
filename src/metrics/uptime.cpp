#include "metrics/uptime.h"

#include <cctype>

namespace st::metrics {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::optional<std::int64_t> unit_seconds(std::string_view unit) {
  if (unit.empty()) return std::nullopt;
  switch (lower(unit.front())) {
    case 'y': return std::int64_t{365} * 86400;
    case 'w': return std::int64_t{7} * 86400;
    case 'd': return std::int64_t{86400};
    case 'h': return std::int64_t{3600};
    case 'm':
      // "minutes", "min", "m" but not "ms"/"msec"/"months" (never printed as uptime).
      if (unit.size() >= 2 && lower(unit[1]) == 's') return std::nullopt;
      if (unit.size() >= 2 && lower(unit[1]) == 'o') return std::int64_t{30} * 86400;
      return std::int64_t{60};
    case 's': return std::int64_t{1};
    default: return std::nullopt;
  }
}

}  // namespace

std::optional<std::int64_t> uptime_seconds(std::string_view text) {
  std::int64_t total = 0;
  bool found = false;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    std::int64_t n = 0;
    while (i < text.size() && is_digit(text[i])) n = n * 10 + (text[i++] - '0');
    // "hh:mm:ss" (uptime under a day on some releases).
    if (i < text.size() && text[i] == ':') {
      std::int64_t parts[3] = {n, 0, 0};
      int count = 1;
      while (count < 3 && i + 1 < text.size() && text[i] == ':' && is_digit(text[i + 1])) {
        ++i;
        std::int64_t p = 0;
        while (i < text.size() && is_digit(text[i])) p = p * 10 + (text[i++] - '0');
        parts[count++] = p;
      }
      total += count == 3 ? parts[0] * 3600 + parts[1] * 60 + parts[2] : parts[0] * 3600 + parts[1] * 60;
      found = true;
      continue;
    }
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < text.size() && is_alpha(text[i])) ++i;
    if (auto unit = unit_seconds(text.substr(start, i - start))) {
      total += n * *unit;
      found = true;
    }
  }
  if (!found) return std::nullopt;
  return total;
}

}  // namespace st::metrics
