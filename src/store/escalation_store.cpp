#include "store/escalation_store.h"

#include <fmt/format.h>

namespace st::store {
namespace {

constexpr std::string_view kSeverityRank =
    "CASE severity WHEN 'info' THEN 0 WHEN 'warning' THEN 1 WHEN 'major' THEN 2 ELSE 3 END";

bool known_severity(std::string_view s) {
  return s == "info" || s == "warning" || s == "major" || s == "critical";
}

EscalationContact read_row(const Statement& s) {
  return EscalationContact{s.text(0), s.text(1), s.text(2), s.optional_text(3)};
}

}  // namespace

Result<std::vector<EscalationContact>> list_escalation_contacts(Database& db) {
  ST_TRY(auto stmt, db.prepare(fmt::format(
      "SELECT site, severity, contact, sla FROM escalation_contacts ORDER BY site = '*', site, {}", kSeverityRank)));
  std::vector<EscalationContact> rows;
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    rows.push_back(read_row(stmt));
  }
  return rows;
}

Result<void> set_escalation_contact(Database& db, const EscalationContact& contact) {
  if (!known_severity(contact.severity)) {
    return fail(Error{ErrorKind::Usage, fmt::format("severity '{}' is not one of info, warning, major, critical",
                                                    contact.severity), {}, {}, {}, {}});
  }
  if (contact.site.empty() || contact.contact.empty()) {
    return fail(ErrorKind::Usage, "an escalation contact needs a site ('*' for any) and a contact");
  }
  ST_TRY(auto stmt, db.prepare("INSERT INTO escalation_contacts(site, severity, contact, sla) VALUES (?1, ?2, ?3, ?4) "
                               "ON CONFLICT(site, severity) DO UPDATE SET contact = excluded.contact, sla = excluded.sla"));
  const std::optional<std::string> site = contact.site, severity = contact.severity, who = contact.contact;
  stmt.reset();
  stmt.bind(1, site).bind(2, severity).bind(3, who).bind(4, contact.sla);
  return stmt.run();
}

Result<std::optional<EscalationContact>> escalation_contact_for(Database& db, const std::string& site,
                                                                const std::string& severity) {
  ST_TRY(auto stmt, db.prepare("SELECT site, severity, contact, sla FROM escalation_contacts "
                               "WHERE severity = ?2 AND (site = ?1 OR site = '*') ORDER BY site = '*' LIMIT 1"));
  const std::optional<std::string> s = site, sev = severity;
  stmt.reset();
  stmt.bind(1, s).bind(2, sev);
  ST_TRY(bool row, stmt.step());
  if (!row) return std::optional<EscalationContact>{};
  return std::optional<EscalationContact>{read_row(stmt)};
}

}  // namespace st::store
