#include "metrics/link_state.h"

#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace st::metrics {

LinkState link_state(std::string_view status) {
  std::string word;
  word.reserve(status.size());
  for (char c : status) word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  // Cisco IOS, Arista EOS (errdisabled, adminDown, noOperMem) and FastIron (Up, Down, Disable,
  // ERR-DIS) words; the FastIron parser already prints Cisco's words, but a user rule may not.
  static constexpr std::array<std::pair<std::string_view, LinkState>, 20> kWords{{
      {"connected", LinkState::Up},
      {"up", LinkState::Up},
      {"monitoring", LinkState::Up},
      {"notconnect", LinkState::Down},
      {"notconnec", LinkState::Down},
      {"down", LinkState::Down},
      {"sfpabsent", LinkState::Down},
      {"inactive", LinkState::Down},
      {"suspended", LinkState::Down},
      {"faulty", LinkState::Down},
      {"noopermem", LinkState::Down},
      {"disabled", LinkState::AdminDown},
      {"disable", LinkState::AdminDown},
      {"admindown", LinkState::AdminDown},
      {"administratively down", LinkState::AdminDown},
      {"err-disabled", LinkState::ErrDisabled},
      {"errdisabled", LinkState::ErrDisabled},
      {"errdisable", LinkState::ErrDisabled},
      {"err-dis", LinkState::ErrDisabled},
      {"err-disable", LinkState::ErrDisabled},
  }};
  for (const auto& [w, state] : kWords) {
    if (word == w) return state;
  }
  return LinkState::Unknown;
}

}  // namespace st::metrics
