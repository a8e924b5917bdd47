#include "ingest/platform_detector.h"

namespace st::ingest {

PlatformGuess detect_platform(std::optional<std::string_view> show_version_output, std::string_view prompt) {
  if (show_version_output) {
    std::string_view v = *show_version_output;
    if (v.find("Cisco IOS") != std::string_view::npos ||
        v.find("Cisco Internetwork Operating System") != std::string_view::npos ||
        v.find("IOS-XE") != std::string_view::npos) {
      return {"cisco", "cisco_ios", true};
    }
  }
  // `host#` / `host>` prompts are IOS style; the only platform this build knows.
  (void)prompt;
  return {"cisco", "cisco_ios", false};
}

}  // namespace st::ingest
