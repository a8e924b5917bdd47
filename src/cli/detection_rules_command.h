// `statetrace-cli rules ...` for detection rules (src/insights/): list, show, enable/disable,
// thresholds, a dry run on a stored run, user rules, false-positive marks and maintenance
// windows. Parser rules are `statetrace-cli parsers ...`.
#pragma once

#include <iosfwd>

#include "cli/cli_args.h"

namespace st::cli {

Result<int> detection_rules_command(const CliArgs& args, std::ostream& out);

}  // namespace st::cli
