// `statetrace-cli parsers ...`: the parser rules group (list, show, test; history,
// rollback, export, import with the rule store), and the registry an ingest uses.
#pragma once

#include <ostream>

#include "cli/cli_args.h"
#include "core/error.h"
#include "parse/parser_registry.h"
#include "store/database.h"

namespace st::cli {

Result<int> parsers_command(const CliArgs& args, std::ostream& out);

// Built-ins, shipped rules and the store's user rules.
Result<parse::ParserRegistry> registry_for_ingest(store::Database& db);

}  // namespace st::cli
