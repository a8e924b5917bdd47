#include "parse/config/config_stanzas.h"

#include "parse/line_cursor.h"

namespace st::parse::config {

std::vector<Stanza> split_stanzas(std::string_view output) {
  std::vector<Stanza> stanzas;
  LineCursor cursor(output);
  Line line;
  while (cursor.next(line)) {
    const std::string_view text = trim(line.text);
    if (text.empty() || text.front() == '!' || text.front() == '#') continue;
    const bool indented = is_space(line.text.front());
    const ByteRange at{line.offset, line.text.size()};
    if (!indented) {
      if (text == "end") break;
      stanzas.push_back(Stanza{ConfigLine{text, at}, {}, at});
      continue;
    }
    if (stanzas.empty()) continue;  // indented text before any stanza: a wrapped banner, skip it
    Stanza& s = stanzas.back();
    s.children.push_back(ConfigLine{text, at});
    s.range.length = at.end() - s.range.offset;
  }
  return stanzas;
}

}  // namespace st::parse::config
