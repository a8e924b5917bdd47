#include "ui/detection_rule_tasks.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "insights/detection_pack.h"
#include "insights/detection_rule.h"
#include "insights/rule_dry_run.h"
#include "insights/rule_set.h"
#include "rules/rule_pack.h"
#include "rules/rule_test.h"
#include "store/listings.h"
#include "store/store.h"

namespace st::ui {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point started) {
  return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
}

template <class Outcome>
Outcome failed(Outcome outcome, Error error) {
  outcome.error = std::move(error);
  return outcome;
}

Result<store::Database> open_rw(const std::filesystem::path& store_path) {
  return store::open_store(store_path, store::OpenMode::ReadWrite);
}

// A loaded rule's members are sorted by name; the editor shows them in the order a person
// writes a rule: identity, what it needs, thresholds, the condition, samples last.
std::string in_reading_order(const nlohmann::json& body) {
  static const char* const kOrder[] = {"$schema",  "id",     "version", "title",   "severity", "signature", "description",
                                       "enabled",  "vendors", "needs",  "params",  "summary",  "when",      "samples"};
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const char* key : kOrder) {
    if (auto it = body.find(key); it != body.end()) out[key] = nlohmann::ordered_json::parse(it->dump());
  }
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (!out.contains(it.key())) out[it.key()] = nlohmann::ordered_json::parse(it.value().dump());
  }
  return out.dump(2);
}

std::string run_label(const store::RunRow& r) {
  std::string label = fmt::format("run {}", r.id.value);
  if (r.site) label += " · " + *r.site;
  label += " · " + r.captured_at.value_or(r.ingested_at);
  return label;
}

// The store's threshold overrides of `rule_id` that the text still declares: a parameter
// the edit removed must not turn the whole rule into an error.
std::map<std::string, double> overrides_for(store::Database& db, const std::string& rule_id, const nlohmann::json& doc) {
  std::map<std::string, double> out;
  auto settings = insights::rule_settings(db);
  if (!settings) return out;
  auto it = settings->find(rule_id);
  if (it == settings->end() || !doc.contains("params") || !doc["params"].is_object()) return out;
  for (const auto& [name, value] : it->second.params) {
    if (doc["params"].contains(name)) out[name] = value;
  }
  return out;
}

DetectionRuleProblem problem_at(std::string_view text, std::string message, std::string pointer,
                                std::optional<rules::TextSpan> at) {
  DetectionRuleProblem p{std::move(message), std::move(pointer), at, std::nullopt};
  if (at) p.position = rules::position_of(text, at->offset);
  return p;
}

}  // namespace

DetectionCatalog load_detection_catalog(const std::filesystem::path& store_path) {
  DetectionCatalog catalog;
  auto db = open_rw(store_path);
  if (!db) return failed(std::move(catalog), std::move(db).error());
  auto set = insights::DetectionRuleSet::load(*db);
  if (!set) return failed(std::move(catalog), std::move(set).error());
  std::vector<DetectionRuleRow> rows;
  for (const auto& r : set->rules()) {
    DetectionRuleRow row{r.id, std::string(insights::to_string(r.origin)), r.version, r.enabled,
                         std::string(insights::to_string(r.severity)), r.title, std::string(insights::condition_name(r.when)),
                         r.params, {}, in_reading_order(r.body)};
    if (auto p = r.body.find("params"); p != r.body.end() && p->is_object()) {
      row.defaults = p->get<std::map<std::string, double>>();
    }
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  catalog.rules = std::make_shared<const std::vector<DetectionRuleRow>>(std::move(rows));
  for (const auto& p : set->problems()) catalog.problems.push_back(fmt::format("{}: {}", p.rule_id, p.message));
  auto runs = store::list_runs(*db);
  if (!runs) return failed(std::move(catalog), std::move(runs).error());
  for (const auto& r : *runs) catalog.runs.push_back({r.id, run_label(r)});
  std::sort(catalog.runs.begin(), catalog.runs.end(), [](const auto& a, const auto& b) { return a.run.value > b.run.value; });
  return catalog;
}

DetectionHistory load_detection_history(const std::filesystem::path& store_path, std::string rule_id) {
  DetectionHistory history;
  history.rule_id = std::move(rule_id);
  auto db = open_rw(store_path);
  if (!db) return failed(std::move(history), std::move(db).error());
  auto versions = insights::stored_rule_versions(*db, history.rule_id);
  if (!versions) return failed(std::move(history), std::move(versions).error());
  history.versions = std::make_shared<const std::vector<insights::StoredRule>>(std::move(*versions));
  return history;
}

DetectionChange save_detection_rule(const std::filesystem::path& store_path, std::string rule_text) {
  DetectionChange change;
  auto rule = insights::load_detection_rule_text(rule_text, "editor");
  if (!rule) return failed(std::move(change), std::move(rule).error());
  auto db = open_rw(store_path);
  if (!db) return failed(std::move(change), std::move(db).error());
  auto version = insights::save_stored_rule(*db, *rule, insights::RuleOrigin::User);
  if (!version) return failed(std::move(change), std::move(version).error());
  change.rule_id = rule->id;
  change.version = *version;
  change.message = fmt::format("saved {} as user version {}", rule->id, *version);
  return change;
}

DetectionChange rollback_detection_rule(const std::filesystem::path& store_path, std::string rule_id, int version) {
  DetectionChange change;
  change.rule_id = std::move(rule_id);
  auto db = open_rw(store_path);
  if (!db) return failed(std::move(change), std::move(db).error());
  auto versions = insights::stored_rule_versions(*db, change.rule_id);
  if (!versions) return failed(std::move(change), std::move(versions).error());
  // As `rules rollback`: only a user version is restored (a pack's comes back by importing it).
  auto old = std::find_if(versions->begin(), versions->end(),
                          [&](const auto& v) { return v.version == version && v.origin == insights::RuleOrigin::User; });
  if (old == versions->end()) {
    return failed(std::move(change), Error{ErrorKind::NotFound, fmt::format("rule '{}' has no user version {}", change.rule_id, version),
                                           {}, {}, {}, {}});
  }
  auto rule = insights::load_detection_rule_text(old->body, fmt::format("store: rule '{}' version {}", old->rule_id, version));
  if (!rule) return failed(std::move(change), std::move(rule).error());
  auto saved = insights::save_stored_rule(*db, *rule, insights::RuleOrigin::User);
  if (!saved) return failed(std::move(change), std::move(saved).error());
  change.version = *saved;
  change.message = fmt::format("{}: version {} restored as version {}", change.rule_id, version, *saved);
  return change;
}

DetectionChange set_detection_rule_enabled(const std::filesystem::path& store_path, std::string rule_id, bool enabled) {
  DetectionChange change;
  change.rule_id = std::move(rule_id);
  auto db = open_rw(store_path);
  if (!db) return failed(std::move(change), std::move(db).error());
  if (auto done = insights::set_rule_enabled(*db, change.rule_id, enabled); !done) {
    return failed(std::move(change), std::move(done).error());
  }
  change.message = fmt::format("rule {} {}", change.rule_id, enabled ? "enabled" : "disabled");
  return change;
}

DetectionChange set_detection_rule_param(const std::filesystem::path& store_path, std::string rule_id, std::string name,
                                         double value) {
  DetectionChange change;
  change.rule_id = std::move(rule_id);
  auto db = open_rw(store_path);
  if (!db) return failed(std::move(change), std::move(db).error());
  if (auto done = insights::set_rule_param(*db, change.rule_id, name, value); !done) {
    return failed(std::move(change), std::move(done).error());
  }
  change.message = fmt::format("rule {}: {} = {}", change.rule_id, name, value);
  return change;
}

DetectionChange export_detection_pack(const std::filesystem::path& store_path, std::vector<std::string> rule_ids,
                                      std::filesystem::path pack) {
  DetectionChange change;
  auto db = store::open_store(store_path, store::OpenMode::ReadOnly);
  if (!db) return failed(std::move(change), std::move(db).error());
  auto set = insights::DetectionRuleSet::load(*db);
  if (!set) return failed(std::move(change), std::move(set).error());
  auto picked = insights::detection_rules_for_pack(*set, rule_ids);
  if (!picked) return failed(std::move(change), std::move(picked).error());
  const auto doc = rules::export_pack(rules::PackInfo{pack.stem().string(), "1", "", ""}, {}, *picked);
  std::ofstream out(pack, std::ios::binary);
  out << doc.dump(2) << '\n';
  if (!out) return failed(std::move(change), Error{ErrorKind::Io, "cannot write the pack", pack.string(), {}, {}, {}});
  if (rule_ids.size() == 1) change.rule_id = rule_ids.front();
  change.message = fmt::format("exported {} detection rule(s) to {}", picked->size(), pack.string());
  return change;
}

DetectionPreviewReport preview_detection_rule(const DetectionPreviewInput& input) {
  DetectionPreviewReport report;
  report.run = input.run;
  const std::string_view text = input.rule_text;
  const auto started = Clock::now();
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte counts the bytes read, the offending one included.
    const std::size_t at = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.empty() ? 0 : text.size() - 1);
    std::string message = e.what();
    if (auto end = message.find("] "); message.starts_with("[json.exception") && end != std::string::npos) {
      message.erase(0, end + 2);
    }
    report.problems.push_back(problem_at(text, "not valid JSON: " + message, {}, rules::TextSpan{at, 1}));
    return report;
  }
  auto db = store::open_store(input.store_path, store::OpenMode::ReadOnly);
  if (!db) return failed(std::move(report), std::move(db).error());
  const std::string id = doc.is_object() && doc.contains("id") && doc["id"].is_string() ? doc["id"].get<std::string>() : "";
  auto rule = insights::load_detection_rule(doc, "editor", overrides_for(*db, id, doc));
  if (!rule) {
    for (auto& p : rules::load_problems(rule.error())) {
      auto at = rules::locate_json_pointer(text, p.pointer);
      report.problems.push_back(problem_at(text, std::move(p.message), std::move(p.pointer), at));
    }
    return report;
  }
  report.loaded = true;
  report.rule_id = rule->id;
  auto set = insights::DetectionRuleSet::load(*db);
  if (!set) return failed(std::move(report), std::move(set).error());
  rule->origin = insights::RuleOrigin::User;
  set->put(std::move(*rule));
  report.load_ms = ms_since(started);
  if (input.run.value <= 0) return report;  // no stored run to try it on
  auto dry = insights::dry_run_rule(*db, *set, report.rule_id, input.run);
  if (!dry) return failed(std::move(report), std::move(dry).error());
  report.read_ms = dry->read_seconds * 1000.0;
  report.evaluate_ms = dry->evaluate_seconds * 1000.0;
  for (const auto& f : dry->findings) {
    std::string objects;
    for (const auto& o : f.objects) objects += (objects.empty() ? "" : ", ") + o;
    report.findings.push_back({f.device, std::move(objects), f.evidence_count, f.summary});
  }
  return report;
}

}  // namespace st::ui
