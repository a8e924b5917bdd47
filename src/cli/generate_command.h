// `statetrace-cli generate`: writes synthetic multi-vendor capture bundles (src/generate/).
#pragma once

#include <iosfwd>

#include "cli/cli_args.h"

namespace st::cli {

Result<int> generate_command(const CliArgs& args, std::ostream& out);

}  // namespace st::cli
