// Splits a CLI session capture into sections at prompts (host#, host>, host(config-if)#;
// FastIron SSH@host#, telnet@host>, SSH@host(config-if-e1000-1/1/1)#; Junos user@host>).
// Works on string_views over the raw bytes: offsets are exact positions in the file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"

namespace st::parse {

struct Section {
  std::string host;          // from the prompt; empty for text before the first prompt
  std::string prompt;        // the prompt as printed: "SW1(config-if)#"
  std::string command_raw;   // the command as typed, trimmed; empty for bare prompts/preamble
  ByteRange range;           // prompt line start .. next prompt line start
  ByteRange output;          // the bytes after the command line, up to the next prompt
  bool before_first_prompt = false;
};

// Every section in order. Bare prompt lines with no output are dropped (they carry
// nothing); text before the first prompt becomes a section with an empty host.
std::vector<Section> split_sessions(std::string_view text);

// If `line` (without its newline) starts with a prompt, its host, prompt and command.
struct PromptMatch {
  std::string_view host;
  std::string_view prompt;
  std::string_view command;
};
bool match_prompt(std::string_view line, PromptMatch& out);

}  // namespace st::parse
