#include "insights/escalation.h"

#include <fmt/format.h>

#include "store/escalation_store.h"

namespace st::insights {

Result<EscalationCue> escalation_for(store::Database& db, const RunbookLibrary& library, const std::string& site,
                                     const std::string& severity, const std::string& signature) {
  const Runbook* rb = library.find(signature);
  ST_TRY(auto row, store::escalation_contact_for(db, site, severity));
  EscalationCue cue;
  if (rb) cue.cue = rb->escalation.cue;
  if (row) {
    cue.contact = row->contact;
    // A table row without an SLA keeps the runbook's.
    cue.sla = row->sla ? row->sla : rb ? std::optional<std::string>(rb->escalation.sla) : std::nullopt;
    cue.source = fmt::format("table:{}/{}", row->site, row->severity);
    return cue;
  }
  if (!rb) {
    return fail(Error{ErrorKind::NotFound,
                      fmt::format("no escalation contact for site '{}' and severity '{}', and no runbook for '{}'", site,
                                  severity, signature),
                      {}, {}, {}, "set one: statetrace-cli escalation set --site S --severity SEV --contact C"});
  }
  cue.contact = rb->escalation.contact;
  cue.sla = rb->escalation.sla;
  cue.source = fmt::format("runbook:{}", rb->file);
  return cue;
}

}  // namespace st::insights
