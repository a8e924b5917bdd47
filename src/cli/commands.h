// The subcommands of statetrace-cli. Each returns its exit code; output goes to `out`.
#pragma once

#include <iosfwd>

#include "cli/cli_args.h"

namespace st::cli {

Result<int> run_command(const CliArgs& args, std::ostream& out);

}  // namespace st::cli
