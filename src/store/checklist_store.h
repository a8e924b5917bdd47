// Checklist progress per incident and device (`checklist_progress`, migration 0010), and the
// incidents it hangs on: "insight:<id>" (a row of `insights`) or "cluster:<id>"
// (`incident_clusters`). Items are runbook checklist ids (insights/runbook.h); checking
// that an item exists is the caller's job, the store keeps what it is given.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "store/database.h"

namespace st::store {

struct IncidentRef {
  std::string key;        // "insight:12", "cluster:3"
  std::string signature;  // picks the runbook
  std::string severity;
  std::string title;
  std::string site;                  // of its (first) device; the run's site, else "default"
  std::vector<std::string> devices;  // the insight's device (none for a run-wide one), the cluster's list
};

// "12" or "insight:12" -> "insight:12"; "C3", "c3" or "cluster:3" -> "cluster:3".
// NotFound (a clear message) for anything else.
Result<std::string> incident_key(std::string_view typed);
// The incident behind a key; NotFound when there is no such row.
Result<IncidentRef> find_incident(Database& db, const std::string& key);

struct ChecklistMark {
  std::string item;
  bool done = false;
  std::string updated_by;
  std::string updated_at;  // UTC ISO-8601
  std::optional<std::string> note;
};

// The marks saved for (incident, device), by item.
Result<std::vector<ChecklistMark>> checklist_marks(Database& db, const std::string& incident, const std::string& device);
// Saves one mark; a missing note keeps the note saved before.
Result<void> save_checklist_mark(Database& db, const std::string& incident, const std::string& device,
                                 const ChecklistMark& mark);

}  // namespace st::store
