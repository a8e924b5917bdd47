// Recognises the IOS CLI's own error replies ("% Invalid input detected at '^' marker.")
// so a parser can refuse output that is clearly not its command. Header-only.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "core/error.h"
#include "parse/line_cursor.h"

namespace st::parse::cisco {

// The CLI error line and its offset when the output (looked at up to its first few
// non-blank lines) is an IOS error reply instead of command output.
inline std::optional<Line> find_cli_error(std::string_view output) {
  static constexpr std::array<std::string_view, 7> kErrors = {
      "% Invalid input",     "% Incomplete command", "% Ambiguous command",
      "% Unknown command",   "% Unrecognized command", "% Invalid command",
      "% Command authorization failed"};
  LineCursor cursor(output);
  Line line;
  int seen = 0;
  while (seen < 3 && cursor.next(line)) {
    const std::string_view text = trim(line.text);
    if (text.empty() || text == "^") continue;  // the caret under the bad token
    ++seen;
    for (const auto error : kErrors) {
      if (istarts_with(text, error)) {
        Line found = line;
        found.text = text;
        found.offset = line.offset + static_cast<std::size_t>(text.data() - line.text.data());
        return found;
      }
    }
  }
  return std::nullopt;
}

// An ErrorKind::Parse error naming the CLI's reply, for `command`.
inline Error cli_error(const Line& line, std::string_view command) {
  Error error{ErrorKind::Parse, std::string(line.text), {}, line.number, line.offset, {}};
  error.with_hint("the device rejected '" + std::string(command) +
                  "'; the section holds its error reply, not the command's output");
  return error;
}

}  // namespace st::parse::cisco
