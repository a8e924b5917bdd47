// Where a JSON pointer's value sits in a JSON document's text, so rule errors (which name
// a pointer, and for patterns a column inside the string) can be shown at their place in
// an editor. A small scanner over the text as written; it never allocates the document.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace st::rules {

// A byte range in the text.
struct TextSpan {
  std::size_t offset = 0;
  std::size_t length = 0;
};

// 1-based line and column (in code points) of a byte offset.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};

// The value at `pointer` ("" is the whole document; "/regex/patterns/0"), or the closest
// existing parent's value when the text has no such member (a missing field's error is shown
// at the object that lacks it). nullopt only when the text does not scan as JSON up to there.
std::optional<TextSpan> locate_json_pointer(std::string_view text, std::string_view pointer);

// Inside the string literal that starts at `literal` (its opening quote), the byte offset of
// the decoded string's `index`-th byte (0-based), escapes counted as they are written.
std::size_t offset_in_string_literal(std::string_view text, std::size_t literal, std::size_t index);

TextPosition position_of(std::string_view text, std::size_t offset);

}  // namespace st::rules
