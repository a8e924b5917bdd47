#include "parse/session_splitter.h"

#include "parse/line_cursor.h"

namespace st::parse {
namespace {

constexpr std::size_t kMaxHostLength = 63;

bool is_host_char(char c) { return is_alnum(c) || c == '-' || c == '_' || c == '.'; }

// The offset just past the line's terminator ("\n" or "\r\n"), i.e. where the next line starts.
std::uint64_t next_line_start(std::string_view text, const Line& line) {
  std::size_t end = line.offset + line.text.size();
  while (end < text.size() && text[end] == '\r') ++end;
  if (end < text.size() && text[end] == '\n') ++end;
  return end;
}

}  // namespace

bool match_prompt(std::string_view line, PromptMatch& out) {
  // host[(config...)]# or host[(config...)]> — hostnames start with a letter (IOS rule).
  if (line.empty() || !is_alpha(line[0])) return false;
  std::size_t i = 1;
  while (i < line.size() && is_host_char(line[i])) ++i;
  if (i > kMaxHostLength) return false;
  std::size_t host_end = i;
  if (i < line.size() && line[i] == '(') {
    std::size_t close = line.find(')', i);
    if (close == std::string_view::npos || close - i > 40) return false;
    i = close + 1;
  }
  if (i >= line.size() || (line[i] != '#' && line[i] != '>')) return false;
  // "host#" must be followed by the end, a space or the command: "Router#show", "Router# show".
  out.host = line.substr(0, host_end);
  out.prompt = line.substr(0, i + 1);
  out.command = trim(line.substr(i + 1));
  return true;
}

std::vector<Section> split_sessions(std::string_view text) {
  std::vector<Section> sections;
  Section current;
  bool have_current = false;
  std::uint64_t preamble_end = 0;
  bool seen_prompt = false;

  auto close_current = [&](std::uint64_t end) {
    if (!have_current) return;
    current.range.length = end - current.range.offset;
    current.output.length = end > current.output.offset ? end - current.output.offset : 0;
    bool has_output = !trim(text.substr(current.output.offset, current.output.length)).empty();
    // A bare prompt with nothing after it carries nothing.
    if (!current.command_raw.empty() || has_output) sections.push_back(std::move(current));
    current = Section{};
    have_current = false;
  };

  LineCursor cursor(text);
  Line line;
  while (cursor.next(line)) {
    PromptMatch m;
    if (!match_prompt(line.text, m)) continue;
    if (!seen_prompt) {
      seen_prompt = true;
      preamble_end = line.offset;
    }
    close_current(line.offset);
    current.host = std::string(m.host);
    current.prompt = std::string(m.prompt);
    current.command_raw = std::string(m.command);
    current.range.offset = line.offset;
    current.output.offset = next_line_start(text, line);
    have_current = true;
  }
  close_current(text.size());

  if (!seen_prompt) preamble_end = text.size();
  if (!trim(text.substr(0, preamble_end)).empty()) {
    Section pre;
    pre.range = {0, preamble_end};
    pre.output = {0, preamble_end};
    pre.before_first_prompt = true;
    sections.insert(sections.begin(), std::move(pre));
  }
  return sections;
}

}  // namespace st::parse
