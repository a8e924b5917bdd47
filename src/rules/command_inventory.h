// The show commands a good capture holds, per platform (rules/commands/<platform>.json), as
// the tool StateTrace replaces kept a command list per vendor: what `coverage` checks a
// capture against, and what an operator copies to collect the next one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace st::rules {

struct RecommendedCommand {
  std::string canonical;          // the command catalog's canonical form
  std::vector<std::string> also;  // other canonical commands that give the same facts
  std::string syntax;             // exactly what to type on this platform
  bool required = false;          // "required" or "recommended"
  std::string why;
  bool satisfied_by(std::string_view canonical_command) const;
};

struct CommandInventory {
  std::string platform;  // ntc-templates name: cisco_ios, arista_eos, ruckus_fastiron
  std::string vendor;
  std::string description;
  std::string pager;  // typed first: "terminal length 0"
  std::vector<RecommendedCommand> commands;
  // What an operator pastes into a session: the pager command, then each command's syntax.
  std::string script() const;
};

// Reads one inventory file's text; errors name `file`, the JSON pointer and the reason.
Result<CommandInventory> load_command_inventory(std::string_view file, std::string_view text);

// The shipped inventories, loaded and validated once (a bad shipped file is a build defect,
// reported by the first caller).
Result<std::vector<CommandInventory>> shipped_command_inventories();

}  // namespace st::rules
