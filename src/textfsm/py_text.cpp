#include "textfsm/py_text.h"

#include <array>

namespace st::textfsm::py {

CodePoint decode(std::string_view s, std::size_t pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) return {b0, 1};
  auto cont = [&](std::size_t i) {
    return pos + i < s.size() && (static_cast<unsigned char>(s[pos + i]) & 0xC0) == 0x80;
  };
  auto byte = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(s[pos + i]) & 0x3F); };
  if (b0 >= 0xC2 && b0 <= 0xDF && cont(1)) return {((b0 & 0x1Fu) << 6) | byte(1), 2};
  if (b0 >= 0xE0 && b0 <= 0xEF && cont(1) && cont(2)) {
    char32_t cp = ((b0 & 0x0Fu) << 12) | (byte(1) << 6) | byte(2);
    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return {cp, 3};
  }
  if (b0 >= 0xF0 && b0 <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    char32_t cp = ((b0 & 0x07u) << 18) | (byte(1) << 12) | (byte(2) << 6) | byte(3);
    if (cp >= 0x10000 && cp <= 0x10FFFF) return {cp, 4};
  }
  return {b0, 1};
}

CodePoint decode_before(std::string_view s, std::size_t end) {
  std::size_t start = end - 1;
  for (std::size_t back = 0; back < 3 && start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80; ++back) {
    --start;
  }
  CodePoint cp = decode(s, start);
  if (start + cp.length == end) return cp;
  return {static_cast<unsigned char>(s[end - 1]), 1};
}

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += decode(s, i).length) ++n;
  return n;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool isspace(char32_t cp) {
  if (cp < 0x80) return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

std::string_view rstrip(std::string_view s) {
  while (!s.empty()) {
    CodePoint cp = decode_before(s, s.size());
    if (!isspace(cp.value) || (cp.length == 1 && cp.value >= 0x80)) break;
    s.remove_suffix(cp.length);
  }
  return s;
}

std::string_view lstrip(std::string_view s) {
  while (!s.empty()) {
    CodePoint cp = decode(s, 0);
    if (!isspace(cp.value) || (cp.length == 1 && cp.value >= 0x80)) break;
    s.remove_prefix(cp.length);
  }
  return s;
}

bool isidentifier(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size();) {
    CodePoint cp = decode(s, i);
    const char32_t c = cp.value;
    const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (c >= 0x80 && !isspace(c));
    const bool digit = c >= '0' && c <= '9';
    if (!(letter || (digit && i > 0))) return false;
    i += cp.length;
  }
  return true;
}

namespace {
// Bytes that may start a line break: \n \v \f \r \x1c-\x1e, and the lead bytes of
// U+0085 (C2 85) and U+2028/U+2029 (E2 80 A8/A9).
constexpr std::array<bool, 256> kBreakLead = [] {
  std::array<bool, 256> t{};
  for (int c : {0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0xC2, 0xE2}) t[static_cast<std::size_t>(c)] = true;
  return t;
}();
}  // namespace

bool LineSplitter::next(std::string_view& line) {
  const std::size_t n = text_.size();
  if (pos_ >= n) return false;
  const char* data = text_.data();
  std::size_t i = pos_;
  while (i < n) {
    const auto c = static_cast<unsigned char>(data[i]);
    if (!kBreakLead[c]) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    if (c == 0xC2) {
      if (i + 1 < n && static_cast<unsigned char>(data[i + 1]) == 0x85) len = 2;
    } else if (c == 0xE2) {
      if (i + 2 < n && static_cast<unsigned char>(data[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(data[i + 2]) == 0xA8 || static_cast<unsigned char>(data[i + 2]) == 0xA9)) {
        len = 3;
      }
    } else if (c == 0x0D && i + 1 < n && data[i + 1] == '\n') {
      len = 2;
    } else {
      len = 1;
    }
    if (len == 0) {
      ++i;
      continue;
    }
    line = std::string_view(data + pos_, i - pos_);
    pos_ = i + len;
    return true;
  }
  line = std::string_view(data + pos_, n - pos_);
  pos_ = n;
  return true;
}

std::vector<FileLine> file_lines(std::string_view text) {
  std::vector<FileLine> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.push_back({text.substr(start, i - start), start});
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < text.size()) lines.push_back({text.substr(start), start});
  return lines;
}

namespace {
bool printable(char32_t c) {
  if (c < 0x20 || c == 0x7F) return false;
  if (c < 0x7F) return true;
  if (c <= 0xA0 || c == 0xAD) return false;  // C1 controls, NBSP (Zs), soft hyphen (Cf)
  if (c == 0x1680 || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
      (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB)) {
    return false;
  }
  if ((c >= 0xD800 && c <= 0xDFFF) || (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000) return false;
  if ((c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF)) return false;
  return true;
}
}  // namespace

std::string repr(std::string_view s) {
  const bool has_single = s.find('\'') != std::string_view::npos;
  const bool has_double = s.find('"') != std::string_view::npos;
  const char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out(1, quote);
  static constexpr char kHex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < s.size();) {
    CodePoint cp = decode(s, i);
    i += cp.length;
    const char32_t c = cp.value;
    if (c == static_cast<char32_t>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (cp.length == 1 && c >= 0x80) {  // an invalid byte: Python would hold a surrogate escape
      out += "\\udc";
      out += kHex[(c >> 4) & 0xF];
      out += kHex[c & 0xF];
    } else if (printable(c)) {
      append_utf8(out, c);
    } else if (c < 0x100) {
      out += "\\x";
      out += kHex[(c >> 4) & 0xF];
      out += kHex[c & 0xF];
    } else if (c < 0x10000) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(c >> shift) & 0xF];
    } else {
      out += "\\U";
      for (int shift = 28; shift >= 0; shift -= 4) out += kHex[(c >> shift) & 0xF];
    }
  }
  out += quote;
  return out;
}

}  // namespace st::textfsm::py
