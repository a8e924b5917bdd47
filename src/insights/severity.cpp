#include "insights/severity.h"

#include <array>

namespace st::insights {

namespace {
constexpr std::array<std::string_view, 4> kNames{"info", "warning", "major", "critical"};
}

std::string_view to_string(Severity severity) { return kNames[static_cast<std::size_t>(severity)]; }

std::optional<Severity> severity_from(std::string_view text) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == text) return static_cast<Severity>(i);
  }
  return std::nullopt;
}

}  // namespace st::insights
