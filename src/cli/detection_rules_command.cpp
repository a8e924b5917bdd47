#include "cli/detection_rules_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "cli/exit_codes.h"
#include "cli/insights_command.h"
#include "cli/store_access.h"
#include "cli/text_table.h"
#include "insights/detection_pack.h"
#include "insights/detection_run.h"
#include "insights/detection_store.h"
#include "insights/rule_dry_run.h"
#include "insights/rule_set.h"
#include "insights/summary_text.h"
#include "rules/rule_pack.h"
#include "rules/user_rules.h"
#include "store/store.h"

namespace st::cli {

namespace {

constexpr const char* kRulesUsage =
    "usage: statetrace-cli rules list [--json]                       detection rules in force (shipped, pack, user)\n"
    "       statetrace-cli rules show RULE                           a rule's JSON as loaded\n"
    "       statetrace-cli rules enable RULE | disable RULE\n"
    "       statetrace-cli rules set RULE PARAM VALUE                override a threshold (`rules show` lists params)\n"
    "       statetrace-cli rules test RULE|RULE_FILE --run N [--json]  dry-run on a stored run: findings and timing\n"
    "       statetrace-cli rules save RULE_FILE                      store a user rule (a new version)\n"
    "       statetrace-cli rules history RULE [--json] | rollback RULE VERSION   stored versions; save an old one again\n"
    "       statetrace-cli rules export PACK.json [RULE ...] [--name N]  a rule pack (default: user and pack rules)\n"
    "       statetrace-cli rules import PACK.json                    detection and parser rules of a pack\n"
    "       statetrace-cli rules feedback INSIGHT --false-positive [--note TEXT] | --clear\n"
    "       statetrace-cli rules suppress [--site S] [--device HOST] [--rule RULE] --from TIME --until TIME --reason TEXT\n"
    "       statetrace-cli rules suppressions [--json] | unsuppress ID\n";

Result<void> want_args(const CliArgs& args, std::size_t count) {
  if (args.positional.size() != count) return fail(ErrorKind::Usage, kRulesUsage);
  return {};
}

Result<std::string> read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(Error{ErrorKind::Io, "cannot read the file", path.string(), {}, {}, {}});
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A positional number (an insight, version or suppression id), refused with what it names.
Result<std::int64_t> number_argument(const std::string& text, std::string_view what) {
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) {
    return fail(ErrorKind::Usage, fmt::format("'{}' is not {}", text, what));
  }
  return value;
}

Result<store::Database> open_for_writing(const CliArgs& args) {
  return store::open_store(store::resolve_store_path(args.get("--store")), store::OpenMode::ReadWrite);
}

// The rule set in force, plus the rule in `id_or_file` when it names a file (unsaved).
Result<std::pair<insights::DetectionRuleSet, std::string>> rules_with(store::Database& db, const std::string& id_or_file) {
  ST_TRY(auto set, insights::DetectionRuleSet::load(db));
  if (std::error_code ec; id_or_file.ends_with(".json") && std::filesystem::is_regular_file(id_or_file, ec)) {
    ST_TRY(auto text, read_text(id_or_file));
    ST_TRY(auto rule, insights::load_detection_rule_text(text, id_or_file));
    rule.origin = insights::RuleOrigin::User;
    std::string id = rule.id;
    set.put(std::move(rule));
    return std::make_pair(std::move(set), id);
  }
  if (!set.find(id_or_file)) return fail(ErrorKind::NotFound, fmt::format("no detection rule '{}' (rules list)", id_or_file));
  return std::make_pair(std::move(set), id_or_file);
}

Result<int> list(const CliArgs& args, std::ostream& out) {
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto set, insights::DetectionRuleSet::load(db));
  if (args.json) {
    Json array = Json::array();
    for (const auto& r : set.rules()) {
      Json params = Json::object();
      for (const auto& [name, value] : r.params) params[name] = value;
      array.push_back({{"id", r.id}, {"version", r.version}, {"origin", std::string(insights::to_string(r.origin))},
                       {"enabled", r.enabled}, {"severity", std::string(insights::to_string(r.severity))},
                       {"signature", r.signature}, {"title", r.title},
                       {"condition", std::string(insights::condition_name(r.when))}, {"params", params}});
    }
    out << dump(array) << '\n';
  } else {
    TextTable t({"RULE", "ORIGIN", "ENABLED", "SEVERITY", "CONDITION", "PARAMS", "TITLE"});
    for (const auto& r : set.rules()) {
      std::string params;
      for (const auto& [name, value] : r.params) params += fmt::format("{}{}={}", params.empty() ? "" : " ", name, value);
      t.add({r.id, std::string(insights::to_string(r.origin)), r.enabled ? "yes" : "no",
             std::string(insights::to_string(r.severity)), std::string(insights::condition_name(r.when)),
             params.empty() ? "-" : params, r.title});
    }
    t.print(out);
  }
  for (const auto& p : set.problems()) out << fmt::format("warning: rule '{}' not used: {}\n", p.rule_id, p.message);
  return kOk;
}

Result<int> test(const CliArgs& args, std::ostream& out) {
  ST_CHECK(want_args(args, 2));
  ST_TRY(auto run_number, args.get_int("--run"));
  if (!run_number) return fail(ErrorKind::Usage, "rules test: --run N names the stored run to try the rule on");
  const RunId run{*run_number};
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto with, rules_with(db, args.positional[1]));
  auto& [set, id] = with;
  ST_TRY(auto dry, insights::dry_run_rule(db, set, id, run));
  if (args.json) {
    Json findings = Json::array();
    for (const auto& f : dry.findings) {
      Json missing = Json::array();
      for (const auto& m : f.missing_commands) missing.push_back({{"command", m.command}, {"syntax", m.syntax}});
      Json evidence = Json::array();
      for (const auto& e : f.evidence) evidence.push_back({{"file_id", e.file_id}, {"offset", e.offset}, {"length", e.length}});
      findings.push_back({{"device", f.device}, {"site", f.site}, {"objects", f.objects}, {"summary", f.summary},
                          {"evidence_count", f.evidence_count}, {"evidence", evidence}, {"missing_commands", missing}});
    }
    Json doc{{"rule", id}, {"run", run.value}, {"findings", findings},
             {"seconds", {{"read_events", dry.read_seconds}, {"evaluate", dry.evaluate_seconds}}}};
    out << dump(doc) << '\n';
    return kOk;
  }
  TextTable t({"DEVICE", "OBJECTS", "EVIDENCE", "SUMMARY"});
  for (const auto& f : dry.findings) {
    t.add({f.device, insights::short_list(f.objects, 3), std::to_string(f.evidence_count), f.summary});
  }
  t.print(out);
  out << fmt::format("rule {} on run {}: {} finding(s); events read in {:.3f} s, evaluated in {:.3f} s\n", id, run.value,
                     dry.findings.size(), dry.read_seconds, dry.evaluate_seconds);
  return kOk;
}

Result<int> set_param(const CliArgs& args, std::ostream& out) {
  ST_CHECK(want_args(args, 4));
  const std::string& id = args.positional[1];
  const std::string& name = args.positional[2];
  const std::string& text = args.positional[3];
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) {
    return fail(ErrorKind::Usage, fmt::format("rules set: '{}' is not a number", text));
  }
  ST_TRY(auto db, open_for_writing(args));
  ST_TRY(auto set, insights::DetectionRuleSet::load(db));
  const auto* rule = set.find(id);
  if (!rule) return fail(ErrorKind::NotFound, fmt::format("no detection rule '{}' (rules list)", id));
  if (!rule->params.contains(name)) {
    std::string known;
    for (const auto& [p, v] : rule->params) known += (known.empty() ? "" : ", ") + p;
    return fail(ErrorKind::Usage, fmt::format("rule '{}' has no parameter '{}' (it has: {})", id, name,
                                              known.empty() ? "none" : known));
  }
  ST_CHECK(insights::set_rule_param(db, id, name, value));
  out << fmt::format("rule {}: {} = {} (was {})\n", id, name, value, rule->params.at(name));
  return kOk;
}

Result<int> enable(const CliArgs& args, std::ostream& out, bool enabled) {
  ST_CHECK(want_args(args, 2));
  ST_TRY(auto db, open_for_writing(args));
  ST_TRY(auto set, insights::DetectionRuleSet::load(db));
  const std::string& id = args.positional[1];
  if (!set.find(id)) return fail(ErrorKind::NotFound, fmt::format("no detection rule '{}' (rules list)", id));
  ST_CHECK(insights::set_rule_enabled(db, id, enabled));
  out << fmt::format("rule {} {}\n", id, enabled ? "enabled" : "disabled");
  return kOk;
}

Result<int> show(const CliArgs& args, std::ostream& out) {
  ST_CHECK(want_args(args, 2));
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto set, insights::DetectionRuleSet::load(db));
  const auto* rule = set.find(args.positional[1]);
  if (!rule) return fail(ErrorKind::NotFound, fmt::format("no detection rule '{}' (rules list)", args.positional[1]));
  out << rule->body.dump(2) << '\n';
  return kOk;
}

Result<int> save(const CliArgs& args, std::ostream& out) {
  ST_CHECK(want_args(args, 2));
  ST_TRY(auto text, read_text(args.positional[1]));
  ST_TRY(auto rule, insights::load_detection_rule_text(text, args.positional[1]));
  ST_TRY(auto db, open_for_writing(args));
  ST_TRY(int version, insights::save_stored_rule(db, rule, insights::RuleOrigin::User));
  out << fmt::format("rule {} saved as user version {}\n", rule.id, version);
  return kOk;
}

Result<int> history(const CliArgs& args, std::ostream& out) {
  ST_CHECK(want_args(args, 2));
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto versions, insights::stored_rule_versions(db, args.positional[1]));
  if (versions.empty()) {
    return fail(ErrorKind::NotFound, fmt::format("rule '{}' has no stored versions (rules save FILE stores one)", args.positional[1]));
  }
  if (args.json) {
    Json array = Json::array();
    for (const auto& v : versions) {
      array.push_back({{"rule", v.rule_id}, {"version", v.version}, {"origin", std::string(insights::to_string(v.origin))},
                       {"pack", v.pack ? Json(*v.pack) : Json(nullptr)}, {"active", v.active}, {"saved_at", v.saved_at},
                       {"saved_by", v.saved_by}});
    }
    out << dump(array) << '\n';
    return kOk;
  }
  TextTable t({"VERSION", "ORIGIN", "ACTIVE", "SAVED", "BY"});
  for (const auto& v : versions) {
    t.add({std::to_string(v.version), std::string(insights::to_string(v.origin)), v.active ? "yes" : "no", v.saved_at, v.saved_by});
  }
  t.print(out);
  return kOk;
}

Result<int> rollback(const CliArgs& args, std::ostream& out) {
  ST_CHECK(want_args(args, 3));
  ST_TRY(const std::int64_t version, number_argument(args.positional[2], "a version number"));
  ST_TRY(auto db, open_for_writing(args));
  ST_TRY(auto versions, insights::stored_rule_versions(db, args.positional[1]));
  auto old = std::find_if(versions.begin(), versions.end(), [&](const auto& v) { return v.version == version && v.origin == insights::RuleOrigin::User; });
  if (old == versions.end()) {
    return fail(ErrorKind::NotFound, fmt::format("rule '{}' has no user version {} (rules history {})", args.positional[1],
                                                 version, args.positional[1]));
  }
  ST_TRY(auto rule, insights::load_detection_rule_text(old->body, fmt::format("store: rule '{}' version {}", old->rule_id, version)));
  ST_TRY(int saved, insights::save_stored_rule(db, rule, insights::RuleOrigin::User));
  out << fmt::format("rule {}: version {} restored as version {}\n", rule.id, version, saved);
  return kOk;
}

Result<int> export_pack(const CliArgs& args, std::ostream& out) {
  if (args.positional.size() < 2) return fail(ErrorKind::Usage, kRulesUsage);
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto set, insights::DetectionRuleSet::load(db));
  std::vector<std::string> wanted(args.positional.begin() + 2, args.positional.end());
  for (const auto& w : wanted) {
    if (!set.find(w)) return fail(ErrorKind::NotFound, fmt::format("no detection rule '{}' (rules list)", w));
  }
  // With the thresholds in force (`rules set`), as the desktop's Detection Rules tab exports.
  ST_TRY(auto picked, insights::detection_rules_for_pack(set, wanted));
  rules::PackInfo info{args.get("--name").value_or(std::filesystem::path(args.positional[1]).stem().string()), "1", "", ""};
  const auto pack = rules::export_pack(info, {}, picked);
  std::ofstream file(args.positional[1], std::ios::binary);
  file << pack.dump(2) << '\n';
  if (!file) return fail(Error{ErrorKind::Io, "cannot write the pack", args.positional[1], {}, {}, {}});
  out << fmt::format("exported {} detection rule(s) to {}\n", picked.size(), args.positional[1]);
  return kOk;
}

Result<int> import_pack(const CliArgs& args, std::ostream& out) {
  ST_CHECK(want_args(args, 2));
  ST_TRY(auto text, read_text(args.positional[1]));
  ST_TRY(auto db, open_for_writing(args));
  ST_TRY(auto report, rules::import_pack_text(db, text, args.positional[1], false, insights::import_detection_rules));
  if (!report.written) {
    return fail(Error{ErrorKind::InputRefused, "the pack's parser rules differ from the stored ones", args.positional[1], {}, {},
                      "nothing was imported; statetrace-cli parsers import --replace saves them as new versions"});
  }
  out << fmt::format("pack {}: {} detection rule(s) and {} parser rule(s) imported\n", report.pack,
                     report.detection_imported.size(), report.imported.size());
  return kOk;
}

Result<int> feedback(const CliArgs& args, std::ostream& out) {
  ST_CHECK(want_args(args, 2));
  ST_TRY(const std::int64_t insight, number_argument(args.positional[1], "an insight id (insights --json)"));
  if (args.has("--false-positive") == args.has("--clear")) {
    return fail(ErrorKind::Usage, "rules feedback: give --false-positive or --clear");
  }
  ST_TRY(auto db, open_for_writing(args));
  if (args.has("--clear")) {
    ST_CHECK(insights::clear_feedback(db, insight));
    out << fmt::format("insight {}: mark cleared\n", insight);
  } else {
    ST_CHECK(insights::mark_false_positive(db, insight, args.get("--note").value_or("")));
    out << fmt::format("insight {} marked a false positive (also in other runs with the same finding)\n", insight);
  }
  return kOk;
}

Result<int> suppress(const CliArgs& args, std::ostream& out) {
  ST_CHECK(want_args(args, 1));
  insights::Suppression s;
  s.site = args.get("--site");
  s.device = args.get("--device");
  s.rule_id = args.get("--rule");
  auto from = args.get("--from"), until = args.get("--until"), reason = args.get("--reason");
  if (!from || !until || !reason) return fail(ErrorKind::Usage, "rules suppress: --from, --until and --reason are required");
  s.starts_at = *from;
  s.ends_at = *until;
  s.reason = *reason;
  ST_TRY(auto db, open_for_writing(args));
  ST_TRY(auto id, insights::add_suppression(db, s));
  out << fmt::format("suppression {}: {} to {}\n", id, s.starts_at, s.ends_at);
  return kOk;
}

Result<int> suppressions(const CliArgs& args, std::ostream& out) {
  ST_CHECK(want_args(args, 1));
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto rows, insights::list_suppressions(db));
  auto opt = [](const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); };
  if (args.json) {
    Json array = Json::array();
    for (const auto& s : rows) {
      array.push_back({{"id", s.id}, {"site", opt(s.site)}, {"device", opt(s.device)}, {"rule", opt(s.rule_id)},
                       {"from", s.starts_at}, {"until", s.ends_at}, {"reason", s.reason}, {"by", s.created_by},
                       {"created_at", s.created_at}});
    }
    out << dump(array) << '\n';
    return kOk;
  }
  TextTable t({"ID", "SITE", "DEVICE", "RULE", "FROM", "UNTIL", "REASON", "BY"});
  for (const auto& s : rows) {
    t.add({std::to_string(s.id), s.site.value_or("*"), s.device.value_or("*"), s.rule_id.value_or("*"), s.starts_at,
           s.ends_at, s.reason, s.created_by});
  }
  t.print(out);
  return kOk;
}

Result<int> unsuppress(const CliArgs& args, std::ostream& out) {
  ST_CHECK(want_args(args, 2));
  ST_TRY(const std::int64_t id, number_argument(args.positional[1], "a suppression id (rules suppressions)"));
  ST_TRY(auto db, open_for_writing(args));
  ST_CHECK(insights::remove_suppression(db, id));
  out << fmt::format("suppression {} removed\n", id);
  return kOk;
}

}  // namespace

Result<int> detection_rules_command(const CliArgs& args, std::ostream& out) {
  const std::string& sub = args.positional.at(0);
  if (sub == "help") {
    out << kRulesUsage;
    return kOk;
  }
  if (sub == "list") return list(args, out);
  if (sub == "show") return show(args, out);
  if (sub == "enable") return enable(args, out, true);
  if (sub == "disable") return enable(args, out, false);
  if (sub == "set") return set_param(args, out);
  if (sub == "test") return test(args, out);
  if (sub == "save") return save(args, out);
  if (sub == "history") return history(args, out);
  if (sub == "rollback") return rollback(args, out);
  if (sub == "export") return export_pack(args, out);
  if (sub == "import") return import_pack(args, out);
  if (sub == "feedback") return feedback(args, out);
  if (sub == "suppress") return suppress(args, out);
  if (sub == "suppressions") return suppressions(args, out);
  if (sub == "unsuppress") return unsuppress(args, out);
  return fail(ErrorKind::Usage, fmt::format("rules: unknown subcommand '{}'\n{}", sub, kRulesUsage));
}

}  // namespace st::cli
