// `statetrace-cli insights` and `clusters` (src/insights/): the cards of a run, ranked.
#pragma once

#include <iosfwd>

#include "cli/cli_args.h"
#include "cli/json_output.h"
#include "insights/insight_listing.h"

namespace st::cli {

Result<int> insights_command(const CliArgs& args, std::ostream& out);
Result<int> clusters_command(const CliArgs& args, std::ostream& out);

// The JSON contract of a card: id, rule, signature, severity, title, summary, device,
// objects, evidence [{file, offset, length, text}], runbook, missing_commands, escalation,
// cluster, and the operator's marks. `escalation`: {contact, sla, cue, source} or null.
Json to_json(const insights::InsightRow& row, const Json& escalation);

}  // namespace st::cli
