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

// Skips ANSI CSI sequences ("\x1b[1;32m", "\x1b[0m") that coloured terminals put around prompts.
static std::size_t skip_ansi(std::string_view line, std::size_t i) {
  while (i + 1 < line.size() && line[i] == '\x1b' && line[i + 1] == '[') {
    std::size_t j = i + 2;
    while (j < line.size() && !(line[j] >= '@' && line[j] <= '~')) ++j;
    if (j >= line.size()) return i;
    i = j + 1;
  }
  return i;
}

bool match_prompt(std::string_view line, PromptMatch& out) {
  line = line.substr(skip_ansi(line, 0));
  // host[(config...)]# or host[(config...)]> — hostnames start with a letter (IOS rule).
  // FastIron prints "SSH@host#", "telnet@host>", "SSH@host(config-if-e1000-1/1/1)#" and
  // Junos "user@host>": a session or user word and '@' before the host, which is the
  // part after the '@'.
  if (line.empty() || !is_alpha(line[0])) return false;
  std::size_t i = 1;
  while (i < line.size() && is_host_char(line[i])) ++i;
  if (i > kMaxHostLength) return false;
  std::size_t host_begin = 0;
  if (i < line.size() && line[i] == '@') {
    host_begin = i + 1;
    if (host_begin >= line.size() || !is_alnum(line[host_begin])) return false;
    i = host_begin + 1;
    while (i < line.size() && is_host_char(line[i])) ++i;
    if (i - host_begin > kMaxHostLength) return false;
  }
  // A FastIron switch without a configured hostname prompts with its model and image:
  // "ICX7150-48P Router#", "SSH@FCX648S Switch(config)#". The host is both words.
  for (std::string_view image : {std::string_view(" Router"), std::string_view(" Switch")}) {
    const std::size_t after = i + image.size();
    if (line.substr(i).starts_with(image) && after < line.size() &&
        (line[after] == '#' || line[after] == '>' || line[after] == '(')) {
      i = after;
      break;
    }
  }
  std::size_t host_end = i;
  if (i < line.size() && line[i] == '(') {
    std::size_t close = line.find(')', i);
    if (close == std::string_view::npos || close - i > 40) return false;
    i = close + 1;
  }
  if (i >= line.size() || (line[i] != '#' && line[i] != '>')) return false;
  // "host#" must be followed by the end, a space or the command: "Router#show", "Router# show".
  out.host = line.substr(host_begin, host_end - host_begin);
  out.prompt = line.substr(0, i + 1);
  out.command = trim(line.substr(skip_ansi(line, i + 1)));
  // IOS `show switch` heads its table "Switch#   Role    Mac Address ...": a column title, not
  // the prompt of a switch named Switch typing `Role`.
  if (host_begin == 0 && out.host == "Switch" && line[i] == '#' && out.command.starts_with("Role ")) return false;
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
