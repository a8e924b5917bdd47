// The store a reading subcommand works on (--store, $STATETRACE_STORE, the default path),
// refused clearly when there is none yet.
#pragma once

#include "cli/cli_args.h"
#include "store/database.h"

namespace st::cli {

Result<store::Database> open_for_reading(const CliArgs& args);

}  // namespace st::cli
