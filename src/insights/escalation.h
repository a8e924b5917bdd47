// The escalation cue for a finding: who to call, the SLA, and when. The site/severity table
// (`escalation_contacts`, a site's row before the '*' row) wins over the runbook's front
// matter; the cue sentence always comes from the runbook.
#pragma once

#include <optional>
#include <string>

#include "core/error.h"
#include "insights/runbook_library.h"
#include "store/database.h"

namespace st::insights {

struct EscalationCue {
  std::string contact;
  std::optional<std::string> sla;
  std::string cue;     // the runbook's sentence on when to call; empty without a runbook
  std::string source;  // "table:<site>/<severity>" or "runbook:<file>"
};

// NotFound when neither the table nor a runbook names a contact.
Result<EscalationCue> escalation_for(store::Database& db, const RunbookLibrary& library, const std::string& site,
                                     const std::string& severity, const std::string& signature);

}  // namespace st::insights
