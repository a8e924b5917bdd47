// Canonical command spellings. Typed commands ("sh int status", "show interface status",
// "do sh ver", "show log | include LINK") map to one canonical form.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace st::parse {

struct CanonicalCommand {
  std::string canonical;  // "show interfaces status"
  // "| include LINK" when the output was filtered, or the scope a command was narrowed to
  // ("ethernet 1/1/5", then any filter): the output holds part of the table. Empty otherwise.
  std::string filter;
};

// nullopt when the command is not in the catalog (the section is then `unknown`).
std::optional<CanonicalCommand> canonical_command(std::string_view typed);

}  // namespace st::parse
