#include "cli/insights_command.h"

#include <fmt/format.h>

#include <ostream>

#include "cli/exit_codes.h"
#include "cli/store_access.h"
#include "cli/text_table.h"
#include "insights/escalation.h"
#include "insights/runbook_library.h"
#include "insights/summary_text.h"

namespace st::cli {

namespace {

Json text_or_null(const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); }

Json evidence_json(const std::vector<insights::EvidenceLine>& lines) {
  Json out = Json::array();
  for (const auto& e : lines) {
    out.push_back({{"file", e.source.file}, {"offset", e.source.offset}, {"length", e.source.length}, {"text", e.text}});
  }
  return out;
}

// The shipped runbook of a signature, when there is one.
Json runbook_of(const std::string& signature) {
  auto library = insights::RunbookLibrary::shipped();
  const auto* runbook = library ? (*library)->find(signature) : nullptr;
  return runbook ? Json(runbook->file) : Json(nullptr);
}

// Who to call: the site/severity table, else the runbook (null when neither names anyone).
Result<Json> escalation_json(store::Database& db, const std::string& site, insights::Severity severity,
                             const std::string& signature) {
  ST_TRY(const auto* library, insights::RunbookLibrary::shipped());
  auto cue = insights::escalation_for(db, *library, site, std::string(insights::to_string(severity)), signature);
  if (!cue) {
    if (cue.error().kind == ErrorKind::NotFound) return Json(nullptr);
    return std::unexpected(cue.error());
  }
  return Json{{"contact", cue->contact}, {"sla", cue->sla ? Json(*cue->sla) : Json(nullptr)}, {"cue", cue->cue},
              {"source", cue->source}};
}

}  // namespace

Json to_json(const insights::InsightRow& r, const Json& escalation) {
  Json missing = Json::array();
  for (const auto& m : r.missing_commands) missing.push_back({{"command", m.command}, {"syntax", m.syntax}});
  Json j;
  j["id"] = r.id;
  j["run"] = r.run.value;
  j["rule"] = r.rule;
  j["rule_origin"] = r.rule_origin;
  j["signature"] = r.signature;
  j["severity"] = std::string(insights::to_string(r.severity));
  j["title"] = r.title;
  j["summary"] = r.summary;
  j["site"] = r.site;
  j["device"] = r.device;
  j["objects"] = r.objects;
  j["first_seen"] = text_or_null(r.first_seen);
  j["last_seen"] = text_or_null(r.last_seen);
  j["evidence_count"] = r.evidence_count;
  j["evidence"] = evidence_json(r.evidence);
  j["runbook"] = runbook_of(r.signature);
  j["missing_commands"] = missing;
  j["escalation"] = escalation;
  j["cluster"] = r.cluster ? Json(*r.cluster) : Json(nullptr);
  j["false_positive"] = r.false_positive;
  j["feedback"] = r.false_positive ? Json{{"note", text_or_null(r.feedback_note)}, {"by", text_or_null(r.feedback_by)}}
                                   : Json(nullptr);
  j["suppressed"] = r.suppression ? Json{{"id", *r.suppression}, {"reason", text_or_null(r.suppression_reason)},
                                         {"until", text_or_null(r.suppressed_until)}}
                                  : Json(nullptr);
  return j;
}

Result<int> insights_command(const CliArgs& args, std::ostream& out) {
  insights::InsightQuery query;
  ST_TRY(auto run, args.get_int("--run"));
  if (run) query.run = RunId{*run};
  query.device = args.get("--device");
  if (auto min = args.get("--min-severity")) {
    auto severity = insights::severity_from(*min);
    if (!severity) return fail(ErrorKind::Usage, fmt::format("--min-severity: '{}' is not info, warning, major or critical", *min));
    query.min_severity = *severity;
  }
  ST_TRY(auto db, open_for_reading(args));
  query.evidence_text = args.json;
  ST_TRY(auto rows, insights::list_insights(db, query));
  if (args.json) {
    JsonArrayStream array(out);
    for (const auto& r : rows) {
      ST_TRY(auto escalation, escalation_json(db, r.site, r.severity, r.signature));
      array.add(to_json(r, escalation));
    }
    array.finish();
    return kOk;
  }
  TextTable t({"ID", "SEVERITY", "DEVICE", "RULE", "SUMMARY", "NEXT"});
  for (const auto& r : rows) {
    std::string next;
    for (const auto& m : r.missing_commands) next += (next.empty() ? "collect: " : ", ") + m.syntax;
    std::string severity(insights::to_string(r.severity));
    if (r.false_positive) severity += " (false positive)";
    if (r.suppression) severity += " (suppressed)";
    t.add({std::to_string(r.id), severity, r.device, r.rule, r.summary, next.empty() ? "-" : next});
  }
  t.print(out);
  return kOk;
}

Result<int> clusters_command(const CliArgs& args, std::ostream& out) {
  ST_TRY(auto run, args.get_int("--run"));
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto rows, insights::list_clusters(db, run ? std::optional(RunId{*run}) : std::nullopt));
  if (args.json) {
    Json array = Json::array();
    for (const auto& c : rows) {
      array.push_back({{"id", c.id}, {"run", c.run.value}, {"pattern", c.pattern}, {"signature", c.signature},
                       {"severity", std::string(insights::to_string(c.severity))}, {"title", c.title},
                       {"summary", c.summary}, {"devices", c.devices}, {"first_seen", text_or_null(c.first_seen)},
                       {"last_seen", text_or_null(c.last_seen)}, {"insights", c.insights},
                       {"runbook", runbook_of(c.signature)}, {"evidence", evidence_json(c.evidence)}});
    }
    out << dump(array) << '\n';
    return kOk;
  }
  TextTable t({"ID", "SEVERITY", "PATTERN", "DEVICES", "FROM", "TO", "SUMMARY"});
  for (const auto& c : rows) {
    t.add({std::to_string(c.id), std::string(insights::to_string(c.severity)), c.pattern, insights::short_list(c.devices, 3),
           c.first_seen.value_or("-"), c.last_seen.value_or("-"), c.summary});
  }
  t.print(out);
  return kOk;
}

}  // namespace st::cli
