#include "cli/runbook_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "cli/exit_codes.h"
#include "cli/json_output.h"
#include "cli/store_access.h"
#include "cli/text_table.h"
#include "core/operator_name.h"
#include "insights/escalation.h"
#include "insights/runbook_library.h"
#include "store/checklist_store.h"
#include "store/escalation_store.h"
#include "store/store.h"

namespace st::cli {
namespace {

Json json_text(const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); }

std::string signatures_hint(const insights::RunbookLibrary& library) {
  std::string names;
  for (const auto& rb : library.runbooks()) names += (names.empty() ? "" : ", ") + rb.signature();
  return "runbooks: " + names;
}

Result<const insights::Runbook*> runbook_for(const insights::RunbookLibrary& library, const std::string& signature) {
  const auto* rb = library.find(signature);
  if (!rb) {
    return fail(Error{ErrorKind::NotFound, fmt::format("no runbook for signature '{}'", signature), {}, {}, {},
                      signatures_hint(library)});
  }
  return rb;
}

Json runbook_json(const insights::Runbook& rb) {
  Json checks = Json::array();
  for (const auto& c : rb.checks) checks.push_back({{"id", c.id}, {"text", c.text}});
  Json next = Json::object();
  for (const auto& v : rb.next_commands) next[v.platform] = {{"vendor", v.heading}, {"commands", v.commands}};
  return {{"file", rb.file},
          {"signatures", rb.signatures},
          {"title", rb.title},
          {"severity", rb.severity},
          {"escalation", {{"contact", rb.escalation.contact}, {"sla", rb.escalation.sla}, {"cue", rb.escalation.cue}}},
          {"needs", rb.needs},
          {"symptoms", rb.symptoms},
          {"checklist", checks},
          {"expected_outcomes", rb.expected_outcomes},
          {"next_commands", next}};
}

// The device the marks are kept under: the one asked for (it must belong to the incident),
// else an insight's own device, else '' (a cluster-wide list).
Result<std::string> device_for(const store::IncidentRef& incident, const std::optional<std::string>& asked) {
  if (!asked) return incident.key.starts_with("insight:") && !incident.devices.empty() ? incident.devices.front() : "";
  if (std::find(incident.devices.begin(), incident.devices.end(), *asked) == incident.devices.end()) {
    std::string devices;
    for (const auto& d : incident.devices) devices += (devices.empty() ? "" : ", ") + d;
    return fail(Error{ErrorKind::NotFound, fmt::format("device '{}' is not part of {}", *asked, incident.key), {}, {},
                      {}, devices.empty() ? "it names no device" : "its devices: " + devices});
  }
  return *asked;
}

}  // namespace

Result<int> runbook_command(const CliArgs& args, std::ostream& out) {
  ST_TRY(auto library, insights::RunbookLibrary::shipped());
  ST_TRY(auto rb, runbook_for(*library, args.positional.at(0)));
  if (args.json) {
    out << dump(runbook_json(*rb)) << '\n';
  } else {
    out << rb->markdown;
    if (!rb->markdown.ends_with('\n')) out << '\n';
  }
  return kOk;
}

Result<int> checklist_command(const CliArgs& args, std::ostream& out) {
  auto typed = args.get("--incident");
  if (!typed) return fail(ErrorKind::Usage, "usage: statetrace-cli checklist --incident ID [--device HOST] [--check ITEM --done|--undone [--note TEXT]]");
  const auto item = args.get("--check");
  const bool done = args.has("--done"), undone = args.has("--undone");
  if (item && done == undone) return fail(ErrorKind::Usage, "checklist --check ITEM takes --done or --undone");
  if (!item && (done || undone || args.has("--note"))) {
    return fail(ErrorKind::Usage, "--done, --undone and --note go with --check ITEM");
  }
  ST_TRY(auto key, store::incident_key(*typed));
  ST_TRY(auto library, insights::RunbookLibrary::shipped());
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto incident, store::find_incident(db, key));
  ST_TRY(auto rb, runbook_for(*library, incident.signature));
  ST_TRY(auto device, device_for(incident, args.get("--device")));

  if (item) {
    if (!rb->item(*item)) {
      std::string ids;
      for (const auto& c : rb->checks) ids += (ids.empty() ? "" : ", ") + c.id;
      return fail(Error{ErrorKind::NotFound, fmt::format("{} has no checklist item '{}'", rb->file, *item), {}, {}, {},
                        "items: " + ids});
    }
    ST_CHECK(store::save_checklist_mark(
        db, key, device, store::ChecklistMark{*item, done, st::operator_name(), st::utc_now_iso(), args.get("--note")}));
  }

  ST_TRY(auto marks, store::checklist_marks(db, key, device));
  auto mark_of = [&](const std::string& id) -> const store::ChecklistMark* {
    for (const auto& m : marks) {
      if (m.item == id) return &m;
    }
    return nullptr;
  };
  // Whom to call comes with the list: the operator working through it decides when.
  ST_TRY(auto escalation, insights::escalation_for(db, *library, incident.site, incident.severity, incident.signature));
  if (args.json) {
    Json items = Json::array();
    for (const auto& c : rb->checks) {
      const auto* m = mark_of(c.id);
      items.push_back({{"id", c.id}, {"text", c.text}, {"done", m && m->done},
                       {"who", m ? Json(m->updated_by) : Json(nullptr)}, {"when", m ? Json(m->updated_at) : Json(nullptr)},
                       {"note", m ? json_text(m->note) : Json(nullptr)}});
    }
    out << dump(Json{{"incident", key},
                     {"signature", incident.signature},
                     {"severity", incident.severity},
                     {"runbook", rb->file},
                     {"device", device},
                     {"items", items},
                     {"escalation", {{"contact", escalation.contact}, {"sla", json_text(escalation.sla)},
                                     {"cue", escalation.cue}, {"source", escalation.source}}}})
        << '\n';
    return kOk;
  }
  std::size_t ticked = 0;
  TextTable t({"DONE", "ITEM", "WHO", "WHEN", "NOTE", "CHECK"});
  for (const auto& c : rb->checks) {
    const auto* m = mark_of(c.id);
    if (m && m->done) ++ticked;
    t.add({m && m->done ? "[x]" : "[ ]", c.id, m ? m->updated_by : "-", m ? m->updated_at : "-",
           m ? m->note.value_or("-") : "-", c.text});
  }
  out << fmt::format("{} {} ({}): {} of {} checks done{}\n", key, incident.title, rb->file, ticked, rb->checks.size(),
                     device.empty() ? "" : fmt::format(" on {}", device));
  t.print(out);
  out << fmt::format("escalate ({} at {}): {}{}. {}\n", incident.severity, incident.site, escalation.contact,
                     escalation.sla ? fmt::format(", SLA {}", *escalation.sla) : "", escalation.cue);
  return kOk;
}

Result<int> escalation_command(const CliArgs& args, std::ostream& out) {
  const std::string& action = args.positional.at(0);
  if (action == "set") {
    auto site = args.get("--site"), severity = args.get("--severity"), contact = args.get("--contact");
    if (!site || !severity || !contact) {
      return fail(ErrorKind::Usage, "usage: statetrace-cli escalation set --site S --severity SEV --contact C [--sla T]");
    }
    auto path = store::resolve_store_path(args.get("--store"));
    ST_TRY(auto db, store::open_store(path, store::OpenMode::ReadWrite));
    ST_CHECK(store::set_escalation_contact(db, {*site, *severity, *contact, args.get("--sla")}));
    out << fmt::format("{} {}: call {}{}\n", *site, *severity, *contact,
                       args.get("--sla") ? fmt::format(" (SLA {})", *args.get("--sla")) : "");
    return kOk;
  }
  if (action != "list") return fail(ErrorKind::Usage, "usage: statetrace-cli escalation list|set ...");
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto rows, store::list_escalation_contacts(db));
  if (args.json) {
    Json array = Json::array();
    for (const auto& r : rows) {
      array.push_back({{"site", r.site}, {"severity", r.severity}, {"contact", r.contact}, {"sla", json_text(r.sla)}});
    }
    out << dump(array) << '\n';
    return kOk;
  }
  TextTable t({"SITE", "SEVERITY", "CONTACT", "SLA"});
  for (const auto& r : rows) t.add({r.site, r.severity, r.contact, r.sla.value_or("-")});
  t.print(out);
  if (rows.empty()) out << "no contacts set: each runbook's front matter names its own (statetrace-cli runbook SIGNATURE)\n";
  return kOk;
}

}  // namespace st::cli
