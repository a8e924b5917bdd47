#include "rules/json_locate.h"

#include <string>

namespace st::rules {

namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::size_t pos = 0;

  void skip_space() {
    while (pos < text_.size() && (text_[pos] == ' ' || text_[pos] == '\t' || text_[pos] == '\n' || text_[pos] == '\r')) ++pos;
  }
  bool at(char c) {
    skip_space();
    return pos < text_.size() && text_[pos] == c;
  }
  // Skips one string literal; false when it does not close.
  bool skip_string(std::string* decoded = nullptr) {
    if (pos >= text_.size() || text_[pos] != '"') return false;
    for (++pos; pos < text_.size(); ++pos) {
      const char c = text_[pos];
      if (c == '"') {
        ++pos;
        return true;
      }
      if (c == '\\') {
        ++pos;
        if (decoded && pos < text_.size()) {
          // Member names in rules are plain: keep the escaped character ("\/" -> "/").
          decoded->push_back(text_[pos] == 'n' ? '\n' : text_[pos] == 't' ? '\t' : text_[pos]);
        }
        continue;
      }
      if (decoded) decoded->push_back(c);
    }
    return false;
  }
  // Skips one value of any kind; false on malformed text.
  bool skip_value() {
    skip_space();
    if (pos >= text_.size()) return false;
    const char c = text_[pos];
    if (c == '"') return skip_string();
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++pos;
      if (at(close)) {
        ++pos;
        return true;
      }
      while (true) {
        if (c == '{') {
          skip_space();
          if (!skip_string() || !at(':')) return false;
          ++pos;
        }
        if (!skip_value()) return false;
        if (at(',')) {
          ++pos;
          continue;
        }
        if (at(close)) {
          ++pos;
          return true;
        }
        return false;
      }
    }
    while (pos < text_.size() && std::string_view(",}] \t\r\n").find(text_[pos]) == std::string_view::npos) ++pos;
    return true;
  }

 private:
  std::string_view text_;
};

std::string unescape_token(std::string_view token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size()) {
      out.push_back(token[i + 1] == '1' ? '/' : '~');
      ++i;
    } else {
      out.push_back(token[i]);
    }
  }
  return out;
}

}  // namespace

std::optional<TextSpan> locate_json_pointer(std::string_view text, std::string_view pointer) {
  Scanner s(text);
  s.skip_space();
  std::size_t start = s.pos;
  {
    Scanner probe = s;
    if (!probe.skip_value()) return std::nullopt;
  }
  while (!pointer.empty()) {
    pointer.remove_prefix(1);  // the '/'
    const std::size_t slash = pointer.find('/');
    const std::string token = unescape_token(pointer.substr(0, slash));
    pointer = slash == std::string_view::npos ? std::string_view{} : pointer.substr(slash);
    bool found = false;
    if (s.at('{')) {
      ++s.pos;
      while (!s.at('}')) {
        s.skip_space();
        std::string key;
        if (!s.skip_string(&key) || !s.at(':')) return std::nullopt;
        ++s.pos;
        s.skip_space();
        if (key == token) {
          found = true;
          break;
        }
        if (!s.skip_value()) return std::nullopt;
        if (s.at(',')) ++s.pos;
      }
    } else if (s.at('[')) {
      ++s.pos;
      std::size_t wanted = 0;
      bool number = !token.empty();
      for (char c : token) number = number && c >= '0' && c <= '9';
      if (number) wanted = std::stoul(token);
      for (std::size_t i = 0; number && !s.at(']'); ++i) {
        s.skip_space();
        if (i == wanted) {
          found = true;
          break;
        }
        if (!s.skip_value()) return std::nullopt;
        if (s.at(',')) ++s.pos;
      }
    }
    if (!found) break;  // the closest parent
    start = s.pos;
  }
  Scanner end(text);
  end.pos = start;
  if (!end.skip_value()) return std::nullopt;
  return TextSpan{start, end.pos - start};
}

std::size_t offset_in_string_literal(std::string_view text, std::size_t literal, std::size_t index) {
  std::size_t pos = literal + 1;
  for (std::size_t decoded = 0; pos < text.size() && text[pos] != '"'; ++decoded) {
    if (decoded == index) return pos;
    if (text[pos] == '\\') {
      pos += pos + 1 < text.size() && text[pos + 1] == 'u' ? 6 : 2;
    } else {
      ++pos;
    }
  }
  return pos;
}

TextPosition position_of(std::string_view text, std::size_t offset) {
  TextPosition p;
  if (offset > text.size()) offset = text.size();
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  return p;
}

}  // namespace st::rules
