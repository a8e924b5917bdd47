// One runbook (runbooks/<signature>.md): front matter (signatures, title, severity,
// escalation defaults, the show commands the diagnosis needs) and the sections an on-call
// operator reads: symptoms, a checklist with stable item ids, expected outcomes and the
// commands to type next per vendor. Format: docs/runbooks.md.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace st::insights {

inline constexpr std::array<std::string_view, 4> kRunbookSeverities{"info", "warning", "major", "critical"};
bool is_runbook_severity(std::string_view severity);

// The runbook's own answer to "whom do I call": used unless the escalation_contacts
// table names someone for the site and severity (insights/escalation.h).
struct EscalationDefaults {
  std::string contact;
  std::string sla;
  std::string cue;  // one sentence: when to call
};

struct ChecklistItem {
  std::string id;    // stable slug stored in checklist_progress.item
  std::string text;
  std::size_t line = 0;  // 1-based, in the runbook file
};

// The commands to type next on one vendor's switches, as written (placeholders such as
// `<interface>` left in), each with the line it is on.
struct VendorCommands {
  std::string heading;   // "Cisco IOS-XE"
  std::string platform;  // "cisco_ios"
  std::vector<std::string> commands;
  std::vector<std::size_t> lines;
};

struct Runbook {
  std::string file;  // "runbooks/port-flapping.md"
  std::vector<std::string> signatures;
  std::string title;
  std::string severity;
  EscalationDefaults escalation;
  std::vector<std::string> needs;  // canonical show commands the diagnosis needs
  std::string symptoms;            // Markdown of the section, trimmed
  std::vector<ChecklistItem> checks;
  std::string expected_outcomes;
  std::vector<VendorCommands> next_commands;  // one per vendor, in kVendorHeadings order
  std::string markdown;                       // the whole file, as shipped

  const std::string& signature() const { return signatures.front(); }
  const ChecklistItem* item(std::string_view id) const;
  const VendorCommands* commands_for(std::string_view platform) const;
};

struct VendorHeading {
  std::string_view heading;
  std::string_view platform;
};
inline constexpr std::array<VendorHeading, 3> kVendorHeadings{{
    {"Cisco IOS-XE", "cisco_ios"},
    {"Arista EOS", "arista_eos"},
    {"Brocade FastIron", "ruckus_fastiron"},
}};

// Parses one runbook. Errors name `file` and the line; every key, section, vendor and
// checklist item the format requires must be there.
Result<Runbook> parse_runbook(std::string_view file, std::string_view text);

}  // namespace st::insights
