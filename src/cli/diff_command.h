// `statetrace-cli diff` and `statetrace-cli history` (src/diff/).
#pragma once

#include <iosfwd>

#include "cli/cli_args.h"

namespace st::cli {

Result<int> diff_command(const CliArgs& args, std::ostream& out);
Result<int> history_command(const CliArgs& args, std::ostream& out);

}  // namespace st::cli
