#include "textfsm/prefilter.h"

#include <cctype>
#include <cstring>
#include <optional>
#include <vector>

#include "textfsm/py_text.h"

namespace st::textfsm {

namespace {

constexpr bool ascii_space(unsigned char c) { return (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x20); }

}  // namespace

bool contains_needle(std::string_view line, const std::string& needle, std::uint32_t anchor) {
  const std::size_t n = line.size(), m = needle.size();
  if (n < m) return false;
  const char* hay = line.data();
  const char key = needle[anchor];
  const char* p = hay + anchor;
  const char* last = hay + (n - m) + anchor;  // the last place the anchor byte can be
  while (p <= last) {
    p = static_cast<const char*>(std::memchr(p, key, static_cast<std::size_t>(last - p) + 1));
    if (p == nullptr) return false;
    if (std::memcmp(p - anchor, needle.data(), m) == 0) return true;
    ++p;
  }
  return false;
}

namespace {

// How common a byte is in device output (lower is rarer); picks the memchr anchor.
int commonness(unsigned char c) {
  static constexpr std::string_view kByFrequency = " etaoinsrhldcumfpgwybvkxjqz0123456789-.,:/";
  if (c >= 'A' && c <= 'Z') return 5;
  const auto at = kByFrequency.find(static_cast<char>(c));
  return at == std::string_view::npos ? 0 : 50 - static_cast<int>(at);
}

// --- required literals ---------------------------------------------------------------

// The end of the group opening at re[i] == '(' (index of its ')'), or npos.
std::size_t group_end(std::string_view re, std::size_t i) {
  int depth = 0;
  for (; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      ++i;
      if (i < re.size() && re[i] == '^') ++i;
      if (i < re.size() && re[i] == ']') ++i;
      while (i < re.size() && re[i] != ']') i += re[i] == '\\' ? 2 : 1;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth == 0) return i;
    }
  }
  return std::string_view::npos;
}

// A quantifier at re[i]: its minimum count and length, or nullopt when there is none.
std::optional<std::pair<unsigned, std::size_t>> quantifier(std::string_view re, std::size_t i) {
  if (i >= re.size()) return std::nullopt;
  std::size_t len = 0;
  unsigned min = 0;
  const char c = re[i];
  if (c == '*' || c == '?') {
    len = 1;
  } else if (c == '+') {
    min = 1;
    len = 1;
  } else if (c == '{') {
    std::size_t j = i + 1;
    unsigned m = 0;
    bool digits = false;
    while (j < re.size() && re[j] >= '0' && re[j] <= '9') m = m * 10 + static_cast<unsigned>(re[j++] - '0'), digits = true;
    if (j < re.size() && re[j] == ',') {
      ++j;
      while (j < re.size() && re[j] >= '0' && re[j] <= '9') ++j;
    } else if (!digits) {
      return std::nullopt;
    }
    if (j >= re.size() || re[j] != '}') return std::nullopt;  // a literal '{'
    min = m;
    len = j + 1 - i;
  } else {
    return std::nullopt;
  }
  if (i + len < re.size() && (re[i + len] == '?' || re[i + len] == '+')) ++len;
  return std::pair{min, len};
}

// Literal runs every match of re[begin, end) contains; nullopt when that stretch holds a
// top-level alternation (or something this scan does not follow).
std::optional<std::vector<std::string>> scan(std::string_view re, std::size_t begin, std::size_t end) {
  std::vector<std::string> out;
  std::string run;
  auto flush = [&] {
    if (!run.empty()) out.push_back(std::move(run));
    run.clear();
  };
  std::size_t i = begin;
  while (i < end) {
    const char c = re[i];
    std::string lit;  // the atom when it is one literal character
    std::optional<std::vector<std::string>> group;
    bool zero_width = false;
    if (c == '|') return std::nullopt;
    if (c == '\\') {
      if (i + 1 >= end) return std::nullopt;
      const auto e = static_cast<unsigned char>(re[i + 1]);
      if (e < 0x80 && !std::isalnum(e)) {
        lit.assign(1, static_cast<char>(e));
        i += 2;
      } else {
        std::size_t skip = 2;
        if (e == 'x') skip = 4;
        if (e == 'u') skip = 6;
        if (e == 'U') skip = 10;
        if (e >= '0' && e <= '9') {
          while (skip < 4 && i + skip < end && re[i + skip] >= '0' && re[i + skip] <= '9') ++skip;
        }
        if (e == 'N') return std::nullopt;
        i += skip;
      }
    } else if (c == '[') {
      std::size_t j = i + 1;
      if (j < end && re[j] == '^') ++j;
      if (j < end && re[j] == ']') ++j;
      while (j < end && re[j] != ']') j += re[j] == '\\' ? 2 : 1;
      if (j >= end) return std::nullopt;
      i = j + 1;
    } else if (c == '(') {
      const std::size_t close = group_end(re, i);
      if (close == std::string_view::npos || close >= end) return std::nullopt;
      const std::string_view head = re.substr(i, close - i);
      std::size_t inner = std::string_view::npos;
      if (!head.starts_with("(?")) {
        inner = i + 1;
      } else if (head.starts_with("(?:") || head.starts_with("(?>")) {
        inner = i + 3;
      } else if (head.starts_with("(?P<")) {
        const std::size_t gt = re.find('>', i);
        if (gt == std::string_view::npos || gt > close) return std::nullopt;
        inner = gt + 1;
      } else if (head.starts_with("(?#")) {
        i = close + 1;
        continue;
      } else if (head.starts_with("(?=") || head.starts_with("(?!") || head.starts_with("(?<=") ||
                 head.starts_with("(?<!")) {
        zero_width = true;
      } else if (head.starts_with("(?P=") || head.starts_with("(?(")) {
        // a back-reference or a conditional: some text, none of it known
      } else {
        return std::nullopt;  // inline flags: literals may not mean themselves
      }
      if (inner != std::string_view::npos) group = scan(re, inner, close);
      i = close + 1;
    } else if (c == '.' || c == '^' || c == '$') {
      zero_width = c != '.';
      ++i;
    } else if (c == '*' || c == '+' || c == '?' || c == ')') {
      return std::nullopt;  // not a well-formed stretch: know nothing
    } else {
      const auto cp = py::decode(re, i);
      if (cp.length == 1 && static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
      lit.assign(re.substr(i, cp.length));
      i += cp.length;
    }
    const auto q = quantifier(re, i);
    if (q) i += q->second;
    const bool required = !q || q->first > 0;
    if (!lit.empty()) {
      if (required) run += lit;
      if (q) flush();
    } else {
      if (zero_width && !q) continue;  // ^ $ and lookarounds do not split the text around them
      flush();
      if (group && required) out.insert(out.end(), group->begin(), group->end());
    }
  }
  flush();
  return out;
}

// A '|' outside any group or class.
bool top_level_alternation(std::string_view re) {
  for (std::size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      ++i;
      if (i < re.size() && re[i] == '^') ++i;
      if (i < re.size() && re[i] == ']') ++i;
      while (i < re.size() && re[i] != ']') i += re[i] == '\\' ? 2 : 1;
    } else if (c == '(') {
      const std::size_t close = group_end(re, i);
      if (close == std::string_view::npos) return true;  // malformed: assume the worst
      i = close;
    } else if (c == '|') {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<std::string> required_literals(std::string_view py_regex) {
  if (py_regex.find("(?x") != std::string_view::npos) return {};
  auto found = scan(py_regex, 0, py_regex.size());
  return found ? std::move(*found) : std::vector<std::string>{};
}

namespace {
inline bool structural(const Prefilter& pf, std::string_view line, std::size_t lead_ws) {
  if (line.size() < pf.min_length) return false;
  std::size_t at = 0;  // where `prefix` must start
  if (pf.lead) {
    at = lead_ws;
    if (at < line.size()) {
      const auto b = static_cast<unsigned char>(line[at]);
      if (b >= 0x80) return true;  // perhaps a Unicode space inside the run: let PCRE2 decide
      if (at == 0 ? !pf.first[b] : !pf.after_lead[b]) return false;
    }
  } else if (pf.check_first && !line.empty() && !pf.first[static_cast<unsigned char>(line.front())]) {
    return false;
  }
  return pf.prefix.empty() || line.compare(at, pf.prefix.size(), pf.prefix) == 0;
}
}  // namespace

bool Prefilter::admits(std::string_view line, std::size_t lead_ws) const {
  return structural(*this, line, lead_ws) && (needle.empty() || contains_needle(line, needle, anchor));
}

void LineFacts::reset(std::string_view line) {
  line_ = line;
  std::size_t i = 0;
  while (i < line.size() && ascii_space(static_cast<unsigned char>(line[i]))) ++i;
  lead_ws_ = i;
  known_ = 0;
}

bool LineFacts::admits(const Prefilter& pf) {
  if (!structural(pf, line_, lead_ws_)) return false;
  if (pf.needle.empty()) return true;
  if (pf.needle_id < 0 || pf.needle_id >= 64) return contains_needle(line_, pf.needle, pf.anchor);
  const std::uint64_t bit = std::uint64_t{1} << pf.needle_id;
  if ((known_ & bit) == 0) {
    known_ |= bit;
    if (contains_needle(line_, pf.needle, pf.anchor)) present_ |= bit;
    else present_ &= ~bit;
  }
  return (present_ & bit) != 0;
}

Prefilter make_prefilter(std::string_view py_regex, const Translation& tr, const PcrePattern& pattern) {
  Prefilter pf;
  pf.min_length = pattern.min_length();
  // First bytes: ASCII probed one by one; anything non-ASCII may start a match.
  for (std::size_t b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    pf.first[b] = b >= 0x80 || pattern.may_match_from(std::string_view(&c, 1));
    if (!pf.first[b]) pf.check_first = true;
  }
  if (tr.caseless || py_regex.find("(?x") != std::string_view::npos || top_level_alternation(py_regex)) return pf;

  // ^\s+REST / ^\s*REST
  std::size_t p = py_regex.starts_with('^') ? 1 : 0;
  if (py_regex.substr(p).starts_with("\\s+") || py_regex.substr(p).starts_with("\\s*")) {
    std::size_t q = p + 3;
    if (q < py_regex.size() && (py_regex[q] == '?' || py_regex[q] == '+')) ++q;
    const std::string_view rest = py_regex.substr(q);
    auto rest_tr = translate_python_regex(rest);
    std::optional<PcrePattern> rest_pattern;
    if (rest_tr && !rest.empty() && std::string_view("*+?{|").find(rest.front()) == std::string_view::npos) {
      if (auto compiled = PcrePattern::compile(rest_tr->pattern, true, !rest_tr->ascii, false)) {
        rest_pattern = std::move(*compiled);
      }
    }
    bool can_start_with_space = !rest_pattern;
    for (unsigned char b = 0; b < 0x80 && !can_start_with_space; ++b) {
      const char c = static_cast<char>(b);
      if (ascii_space(b) && rest_pattern->may_match_from(std::string_view(&c, 1))) can_start_with_space = true;
    }
    if (!can_start_with_space) {
      pf.lead = true;
      for (std::size_t b = 0; b < 256; ++b) {
        const char c = static_cast<char>(b);
        pf.after_lead[b] = b >= 0x80 || ascii_space(static_cast<unsigned char>(b)) ||
                           rest_pattern->may_match_from(std::string_view(&c, 1));
      }
      p = q;
    }
  }
  // A literal start (after the lead): characters up to the first special one; a
  // quantified last character is not part of it.
  if (!py_regex.substr(p).starts_with("\\s") && (pf.lead || p <= 1)) {
    std::string literal;
    std::size_t last_len = 0;
    while (p < py_regex.size()) {
      const char c = py_regex[p];
      const auto uc = static_cast<unsigned char>(c);
      if (c == '\\' && p + 1 < py_regex.size()) {
        const auto e = static_cast<unsigned char>(py_regex[p + 1]);
        if (e >= 0x80 || std::isalnum(e)) break;
        literal += static_cast<char>(e);
        last_len = 1;
        p += 2;
      } else if (uc >= 0x80 || std::string_view(".^$*+?()[]{}|\\").find(c) != std::string_view::npos || uc < 0x20) {
        break;
      } else {
        literal += c;
        last_len = 1;
        p += 1;
      }
    }
    if (p < py_regex.size() && std::string_view("?*+{|").find(py_regex[p]) != std::string_view::npos) {
      literal.resize(literal.size() - std::min(last_len, literal.size()));
    }
    pf.prefix = std::move(literal);
  }
  // The longest literal every match holds, unless the prefix already is it.
  for (auto& lit : required_literals(py_regex)) {
    if (lit.size() > pf.needle.size()) pf.needle = std::move(lit);
  }
  if (pf.needle.size() <= pf.prefix.size()) {
    pf.needle.clear();
  } else {
    int best = 1000;
    for (std::size_t i = 0; i < pf.needle.size(); ++i) {
      const int score = commonness(static_cast<unsigned char>(pf.needle[i]));
      if (score < best) best = score, pf.anchor = static_cast<std::uint32_t>(i);
    }
  }
  return pf;
}

}  // namespace st::textfsm
