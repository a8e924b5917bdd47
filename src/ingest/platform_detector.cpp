#include "ingest/platform_detector.h"

#include <array>

namespace st::ingest {

namespace {

bool contains_any(std::string_view text, std::span<const std::string_view> needles) {
  for (auto needle : needles) {
    if (text.find(needle) != std::string_view::npos) return true;
  }
  return false;
}

// "ICX7150-48P", "FCX648": the model names FastIron prints, as whole words.
bool has_fastiron_model(std::string_view v) {
  for (std::string_view prefix : {std::string_view("ICX"), std::string_view("FCX")}) {
    std::size_t pos = 0;
    while ((pos = v.find(prefix, pos)) != std::string_view::npos) {
      const bool word_start = pos == 0 || v[pos - 1] == ' ' || v[pos - 1] == '\t' ||
                              v[pos - 1] == ':' || v[pos - 1] == '\n';
      const std::size_t after = pos + prefix.size();
      if (word_start && after < v.size() && v[after] >= '0' && v[after] <= '9') return true;
      pos = after;
    }
  }
  return false;
}

}  // namespace

PlatformGuess detect_platform(std::optional<std::string_view> show_version_output, std::string_view prompt) {
  if (show_version_output) {
    std::string_view v = *show_version_output;
    static constexpr std::array<std::string_view, 3> kCisco = {
        "Cisco IOS", "Cisco Internetwork Operating System", "IOS-XE"};
    static constexpr std::array<std::string_view, 3> kArista = {
        "Arista DCS-", "Arista CCS-", "Software image version"};
    static constexpr std::array<std::string_view, 5> kFastIron = {
        "SW: Version", "Ruckus", "Brocade", "Foundry", "FastIron"};
    if (contains_any(v, kCisco)) return {"cisco", "cisco_ios", true};
    if (contains_any(v, kArista) || v.starts_with("Arista ")) return {"arista", "arista_eos", true};
    if (contains_any(v, kFastIron) || has_fastiron_model(v)) {
      return {"ruckus", "ruckus_fastiron", true};
    }
  }
  // Prompt style: FastIron's "SSH@host#" / "telnet@host>"; `host#` / `host>` is IOS style
  // (EOS prompts look the same, so EOS needs its show version).
  if (prompt.starts_with("SSH@") || prompt.starts_with("ssh@") || prompt.starts_with("telnet@") ||
      prompt.starts_with("TELNET@")) {
    return {"ruckus", "ruckus_fastiron", false};
  }
  return {"cisco", "cisco_ios", false};
}

}  // namespace st::ingest
