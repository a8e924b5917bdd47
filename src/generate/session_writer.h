// Shared by the vendor profiles: writes prompt + command lines the way an operator's
// terminal log shows them (optionally abbreviated, bare prompts, ANSI colour, pager residue).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "generate/device_model.h"
#include "generate/log_event.h"
#include "generate/prng.h"

namespace st::generate {

enum class Profile { Full, Lean };

// The untidy habits of one capture file, drawn per file and run.
struct SessionStyle {
  bool abbreviate = false;    // "sh ver", "sh int status"
  bool bare_prompts = false;  // the operator pressed Enter a few times
  bool ansi = false;          // colour escapes around (some) prompts
  bool pager = false;         // long outputs carry "--More--" residue with backspaces
};

struct SessionInput {
  const Device& device;
  int run = 1;
  SimTime capture;            // the session's `show clock`
  Profile profile = Profile::Full;
  SessionStyle style;
  std::span<const LogEvent> events;  // sorted by time, all before `capture`
  std::int64_t first_sequence = 1;   // IOS sequence number of events[0]
};

class SessionWriter {
 public:
  // `colour_commands`: ANSI escapes may wrap command prompts too, not only bare ones (IOS
  // prompts are plain; colour there comes from the terminal around bare prompts).
  SessionWriter(std::string& out, std::string prompt, const SessionStyle& style, Prng& rng,
                bool colour_commands = false)
      : out_(out), prompt_(std::move(prompt)), style_(style), rng_(rng), colour_commands_(colour_commands) {}

  // Writes the prompt and the command: `full`, or `abbreviated` in abbreviating sessions.
  void command(std::string_view full, std::string_view abbreviated = {}) {
    const bool colour = style_.ansi && colour_commands_ && rng_.percent(25);
    if (colour) out_ += "\x1b[1;32m";
    out_ += prompt_;
    if (colour) out_ += "\x1b[0m";
    out_ += (style_.abbreviate && !abbreviated.empty() && rng_.percent(60)) ? abbreviated : full;
    out_ += '\n';
  }
  // A prompt with nothing typed after it (sometimes wrapped in colour escapes).
  void bare_prompts() {
    if (!style_.bare_prompts) return;
    const int n = static_cast<int>(rng_.between(1, 3));
    for (int i = 0; i < n; ++i) {
      if (style_.ansi) out_ += "\x1b[0m\x1b[1;32m" + prompt_ + "\x1b[0m\n";
      else out_ += prompt_ + '\n';
    }
  }
  // Appends `text`, inserting pager residue every `page` lines when the style asks for it.
  void paged(std::string_view text, std::string_view more = " --More-- ", int page = 23) {
    if (!style_.pager) {
      out_ += text;
      return;
    }
    int lines = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size() - 1;
      if (++lines % page == 0) {
        out_ += more;
        out_.append(more.size(), '\b');
        out_.append(more.size(), ' ');
        out_.append(more.size(), '\b');
      }
      out_ += text.substr(pos, nl + 1 - pos);
      pos = nl + 1;
    }
  }
  std::string& out() { return out_; }
  Prng& rng() { return rng_; }
  const std::string& prompt() const { return prompt_; }

 private:
  std::string& out_;
  std::string prompt_;
  const SessionStyle& style_;
  Prng& rng_;
  bool colour_commands_ = false;
};

// One vendor's session: every command and its output, without the login preamble and the
// final `exit` (the generator adds those, and nests hop sessions between them).
void render_cisco_session(const SessionInput& in, Prng& rng, std::string& out);
void render_arista_session(const SessionInput& in, Prng& rng, std::string& out);
void render_fastiron_session(const SessionInput& in, Prng& rng, std::string& out);

// "HOST#" or "SSH@HOST#".
std::string session_prompt(const Device& d);

// Formats one syslog message as the vendor's `show logging` prints it (appends a line).
void format_cisco_log(const Device& d, const LogEvent& e, std::int64_t sequence, std::string& out);
void format_arista_log(const Device& d, const LogEvent& e, std::string& out);
void format_fastiron_log(const Device& d, const LogEvent& e, std::string& out);

}  // namespace st::generate
