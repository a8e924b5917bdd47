// Canonical command spellings. Typed commands ("sh int status", "show interface status",
// "do sh ver", "show log | include LINK") map to one canonical form.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace st::parse {

struct CanonicalCommand {
  std::string canonical;  // "show interfaces status"
  std::string filter;     // "| include LINK" when the output was filtered; empty otherwise
};

// nullopt when the command is not in the catalog (the section is then `unknown`).
std::optional<CanonicalCommand> canonical_command(std::string_view typed);

}  // namespace st::parse
