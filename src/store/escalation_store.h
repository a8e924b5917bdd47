// Who to call per site ('*': any site) and severity: the `escalation_contacts` table
// (migration 0010). Runbook front matter gives the defaults (insights/escalation.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/database.h"

namespace st::store {

inline constexpr std::string_view kAnySite = "*";

struct EscalationContact {
  std::string site;  // a site name, or "*"
  std::string severity;
  std::string contact;
  std::optional<std::string> sla;
};

// Every row, by site then severity rank (info .. critical).
Result<std::vector<EscalationContact>> list_escalation_contacts(Database& db);
// Inserts or replaces the row for (site, severity). Usage error for an unknown severity.
Result<void> set_escalation_contact(Database& db, const EscalationContact& contact);
// The row for the site, else the '*' row, for that severity.
Result<std::optional<EscalationContact>> escalation_contact_for(Database& db, const std::string& site,
                                                                const std::string& severity);

}  // namespace st::store
