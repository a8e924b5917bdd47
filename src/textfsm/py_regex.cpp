#include "textfsm/py_regex.h"

#include <algorithm>

#include <fmt/format.h>

#include "textfsm/py_text.h"

namespace st::textfsm {

namespace {

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

class Translator {
 public:
  explicit Translator(std::string_view in) : in_(in) {}

  std::expected<Translation, TranslateError> run() {
    verbose_ = leading_flags_contain('x');
    while (pos_ < in_.size()) {
      if (auto err = step(); !err.message.empty()) return std::unexpected(err);
    }
    out_.origin.push_back(static_cast<std::uint32_t>(in_.size()));
    return std::move(out_);
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  Translation out_;
  bool verbose_ = false;

  void emit(std::string_view text, std::size_t from) {
    out_.pattern.append(text);
    out_.origin.insert(out_.origin.end(), text.size(), static_cast<std::uint32_t>(from));
  }

  // Python reads global flags like (?x) only at the very start of the pattern.
  bool leading_flags_contain(char flag) const {
    std::size_t p = 0;
    while (in_.substr(p).starts_with("(?")) {
      std::size_t q = p + 2;
      while (q < in_.size() && std::string_view("aiLmsux").find(in_[q]) != std::string_view::npos) ++q;
      if (q >= in_.size() || in_[q] != ')' || q == p + 2) break;
      if (in_.substr(p + 2, q - p - 2).find(flag) != std::string_view::npos) return true;
      p = q + 1;
    }
    return false;
  }

  TranslateError error(std::string message, std::size_t at) { return {std::move(message), at}; }

  // One escape sequence starting at in_[pos_] == '\\'; `in_class` inside [...].
  TranslateError escape(bool in_class) {
    const std::size_t start = pos_;
    if (pos_ + 1 >= in_.size()) return error("bad escape (end of pattern)", start);
    const char c = in_[pos_ + 1];
    if (c == 'Z' && !in_class) {
      emit("\\z", start);
      pos_ += 2;
    } else if (c == 's') {
      emit(in_class ? "\\s\\x1f" : "[\\s\\x1f]", start);
      pos_ += 2;
    } else if (c == 'S' && !in_class) {
      emit("[^\\s\\x1f]", start);
      pos_ += 2;
    } else if (c == 'u' || c == 'U') {
      const std::size_t digits = c == 'u' ? 4 : 8;
      if (pos_ + 2 + digits > in_.size()) return error(fmt::format("incomplete escape \\{}", c), start);
      for (std::size_t i = 0; i < digits; ++i) {
        if (!is_hex(in_[pos_ + 2 + i])) return error(fmt::format("incomplete escape \\{}", c), start);
      }
      emit(fmt::format("\\x{{{}}}", in_.substr(pos_ + 2, digits)), start);
      pos_ += 2 + digits;
    } else if (c == 'N') {
      return error("named Unicode escapes (\\N{...}) are not supported", start);
    } else {
      // Copy the escape and its whole code point.
      const auto cp = py::decode(in_, pos_ + 1);
      emit(in_.substr(pos_, 1 + cp.length), start);
      pos_ += 1 + cp.length;
    }
    return {};
  }

  TranslateError char_class() {
    const std::size_t start = pos_;
    emit("[", pos_);
    ++pos_;
    if (pos_ < in_.size() && in_[pos_] == '^') {
      emit("^", pos_);
      ++pos_;
    }
    bool first = true;
    while (true) {
      if (pos_ >= in_.size()) return error("unterminated character set", start);
      const char c = in_[pos_];
      if (c == ']' && !first) {
        emit("]", pos_);
        ++pos_;
        return {};
      }
      first = false;
      if (c == '\\') {
        if (auto err = escape(true); !err.message.empty()) return err;
      } else if (c == '[') {
        emit("\\[", pos_);
        ++pos_;
      } else if (c == ']') {  // first character: literal
        emit("\\]", pos_);
        ++pos_;
      } else {
        emit(in_.substr(pos_, 1), pos_);
        ++pos_;
      }
    }
  }

  std::expected<std::uint32_t, TranslateError> group_number(std::string_view name, std::size_t at) {
    for (const auto& g : out_.groups) {
      if (g.name == name) return g.number;
    }
    return std::unexpected(error(fmt::format("unknown group name '{}'", name), at));
  }

  TranslateError group_open() {
    const std::size_t start = pos_;
    const std::string_view rest = in_.substr(pos_);
    if (!rest.starts_with("(?")) {
      ++out_.capture_count;
      emit("(", start);
      ++pos_;
      return {};
    }
    if (rest.starts_with("(?P<")) {
      const std::size_t close = in_.find('>', pos_ + 4);
      if (close == std::string_view::npos) return error("missing >, unterminated name", start + 4);
      const std::string_view name = in_.substr(pos_ + 4, close - pos_ - 4);
      if (!py::isidentifier(name)) return error(fmt::format("bad character in group name '{}'", name), start + 4);
      for (const auto& g : out_.groups) {
        if (g.name == name) return error(fmt::format("redefinition of group name '{}'", name), start + 4);
      }
      ++out_.capture_count;
      out_.groups.push_back({std::string(name), out_.capture_count});
      emit("(", start);
      pos_ = close + 1;
      return {};
    }
    if (rest.starts_with("(?P=")) {
      const std::size_t close = in_.find(')', pos_ + 4);
      if (close == std::string_view::npos) return error("missing ), unterminated name", start + 4);
      auto number = group_number(in_.substr(pos_ + 4, close - pos_ - 4), start + 4);
      if (!number) return number.error();
      emit(fmt::format("\\g{{{}}}", *number), start);
      pos_ = close + 1;
      return {};
    }
    if (rest.starts_with("(?P")) return error("unknown extension ?P", start + 1);
    if (rest.starts_with("(?#")) {
      const std::size_t close = in_.find(')', pos_);
      if (close == std::string_view::npos) return error("missing ), unterminated comment", start);
      pos_ = close + 1;
      return {};
    }
    if (rest.starts_with("(?(")) {
      const std::size_t close = in_.find(')', pos_ + 3);
      if (close == std::string_view::npos) return error("missing ), unterminated name", start + 3);
      const std::string_view ref = in_.substr(pos_ + 3, close - pos_ - 3);
      std::string number;
      if (!ref.empty() && std::all_of(ref.begin(), ref.end(), is_digit)) {
        number = std::string(ref);
      } else {
        auto n = group_number(ref, start + 3);
        if (!n) return n.error();
        number = std::to_string(*n);
      }
      emit(fmt::format("(?({})", number), start);
      pos_ = close + 1;
      return {};
    }
    if (rest.starts_with("(?:") || rest.starts_with("(?=") || rest.starts_with("(?!") ||
        rest.starts_with("(?<=") || rest.starts_with("(?<!") || rest.starts_with("(?>")) {
      const std::size_t len = (rest.starts_with("(?<=") || rest.starts_with("(?<!")) ? 4 : 3;
      emit(rest.substr(0, len), start);
      pos_ += len;
      return {};
    }
    // Inline flags: (?aiLmsux) or (?aiLmsux-imsx:...)
    std::size_t q = pos_ + 2;
    std::string kept;
    bool minus = false;
    while (q < in_.size()) {
      const char f = in_[q];
      if (f == '-' && !minus) {
        minus = true;
        kept += f;
      } else if (std::string_view("aiLmsux").find(f) != std::string_view::npos) {
        if (f == 'i' && !minus) out_.caseless = true;
        if (f == 'a' && !minus && start == 0) out_.ascii = true;
        if (f != 'a' && f != 'u' && f != 'L') kept += f;
      } else {
        break;
      }
      ++q;
    }
    if (q >= in_.size() || (in_[q] != ')' && in_[q] != ':') || q == pos_ + 2) {
      return error("unknown extension ?" + std::string(in_.substr(pos_ + 2, 1)), start + 1);
    }
    if (!kept.empty() && kept.back() == '-') kept.pop_back();
    if (in_[q] == ')') {
      if (!kept.empty()) emit(fmt::format("(?{})", kept), start);
    } else {
      emit(fmt::format("(?{}:", kept), start);
    }
    pos_ = q + 1;
    return {};
  }

  // '{' at pos_: Python's {m,n} forms; a '{' that starts none of them is literal.
  void brace() {
    const std::size_t start = pos_;
    std::size_t q = pos_ + 1;
    while (q < in_.size() && is_digit(in_[q])) ++q;
    const bool has_min = q > pos_ + 1;
    if (q < in_.size() && in_[q] == ',') {
      std::size_t r = q + 1;
      while (r < in_.size() && is_digit(in_[r])) ++r;
      if (r < in_.size() && in_[r] == '}') {
        if (!has_min) {
          emit("{0", start);
          emit(in_.substr(q, r + 1 - q), q);
        } else {
          emit(in_.substr(pos_, r + 1 - pos_), start);
        }
        pos_ = r + 1;
        return;
      }
    } else if (has_min && q < in_.size() && in_[q] == '}') {
      emit(in_.substr(pos_, q + 1 - pos_), start);
      pos_ = q + 1;
      return;
    }
    emit("\\{", start);
    ++pos_;
  }

  TranslateError step() {
    const char c = in_[pos_];
    switch (c) {
      case '\\': return escape(false);
      case '[': return char_class();
      case '(': return group_open();
      case '{': brace(); return {};
      case '#':
        if (verbose_) {
          while (pos_ < in_.size() && in_[pos_] != '\n') ++pos_;
          return {};
        }
        break;
      default: break;
    }
    if (verbose_ && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')) {
      ++pos_;
      return {};
    }
    const auto cp = py::decode(in_, pos_);
    emit(in_.substr(pos_, cp.length), pos_);
    pos_ += cp.length;
    return {};
  }
};

}  // namespace

std::expected<Translation, TranslateError> translate_python_regex(std::string_view python) {
  return Translator(python).run();
}

}  // namespace st::textfsm
