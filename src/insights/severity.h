// How bad a finding is. Cards are ranked by it and escalation cues are keyed on it.
#pragma once

#include <optional>
#include <string_view>

namespace st::insights {

enum class Severity { Info, Warning, Major, Critical };

std::string_view to_string(Severity severity);
std::optional<Severity> severity_from(std::string_view text);
// Higher is worse: info 0 .. critical 3.
inline int rank(Severity severity) { return static_cast<int>(severity); }

}  // namespace st::insights
