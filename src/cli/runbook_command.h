// `statetrace-cli runbook SIGNATURE`, `checklist --incident ID ...` and `escalation list|set`:
// the runbooks shipped in runbooks/*.md, checklist progress per incident and device, and the
// site/severity escalation table (docs/runbooks.md).
#pragma once

#include <iosfwd>

#include "cli/cli_args.h"

namespace st::cli {

Result<int> runbook_command(const CliArgs& args, std::ostream& out);
Result<int> checklist_command(const CliArgs& args, std::ostream& out);
Result<int> escalation_command(const CliArgs& args, std::ostream& out);

}  // namespace st::cli
