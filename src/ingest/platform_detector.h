// Which platform (ntc-templates name) a device runs, from its `show version` output,
// then from its prompt style: Cisco IOS, Arista EOS ("arista_eos") and Brocade/Ruckus FastIron
// ("ruckus_fastiron"; vendor "ruckus").
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace st::ingest {

struct PlatformGuess {
  std::string vendor;    // "cisco"
  std::string platform;  // "cisco_ios"
  bool from_show_version = false;
};

PlatformGuess detect_platform(std::optional<std::string_view> show_version_output, std::string_view prompt);

}  // namespace st::ingest
