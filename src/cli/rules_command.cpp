#include "cli/rules_command.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <charconv>
#include <map>
#include <set>
#include <fstream>
#include <sstream>

#include "cli/cli_args.h"
#include "cli/exit_codes.h"
#include "cli/json_output.h"
#include "cli/text_table.h"
#include "insights/detection_pack.h"
#include "rules/rule_pack.h"
#include "store/rule_store.h"
#include "store/store.h"
#include "rules/rule_loader.h"
#include "rules/rule_set.h"
#include "rules/rule_test.h"
#include "rules/text_lines.h"
#include "rules/user_rules.h"

namespace st::cli {

namespace {

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(Error{ErrorKind::NotFound, "cannot read the file", path, {}, {}, {}});
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}


// The store, when there is one (listing, showing and testing never create it).
Result<std::optional<store::Database>> existing_store(const CliArgs& args) {
  auto path = store::resolve_store_path(args.get("--store"));
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::optional<store::Database>{};
  ST_TRY(auto db, store::open_store(path, store::OpenMode::ReadWrite));
  return std::optional<store::Database>{std::move(db)};
}

Result<store::Database> writable_store(const CliArgs& args) {
  return store::open_store(store::resolve_store_path(args.get("--store")), store::OpenMode::ReadWrite);
}

Result<rules::RuleSet> known_rules(const CliArgs& args) {
  ST_TRY(auto db, existing_store(args));
  return rules::known_rules(db ? &*db : nullptr);
}

Json applies_json(const rules::ParserRule& rule) {
  Json out = Json::array();
  for (const auto& a : rule.applies_to) {
    Json one = Json::object();
    one["platform"] = a.platform.empty() ? Json(nullptr) : Json(a.platform);
    if (!a.command.empty()) one["command"] = a.command;
    if (!a.command_regex.empty()) one["command_regex"] = a.command_regex;
    out.push_back(one);
  }
  return out;
}

Result<int> list(const CliArgs& args, std::ostream& out) {
  ST_TRY(auto set, known_rules(args));
  Json rows = Json::array();
  TextTable t({"ID", "ORIGIN", "KIND", "VERSION", "TABLE", "ENABLED", "COMMANDS"});
  for (const auto& active : set.rules()) {
    const auto& r = active->rule();
    const bool enabled = r.json.value("enabled", true);
    rows.push_back(Json{{"id", r.id},
                        {"origin", parse::to_string(r.origin)},
                        {"kind", rules::to_string(r.kind)},
                        {"version", r.version},
                        {"table", rules::table_name(r)},
                        {"enabled", enabled},
                        {"applies_to", applies_json(r)},
                        {"source", r.source}});
    std::string commands;
    for (const auto& a : r.applies_to) {
      commands += (commands.empty() ? "" : ", ") + (a.platform.empty() ? std::string("*") : a.platform) + " " +
                  (a.command.empty() ? "/" + a.command_regex + "/" : a.command);
    }
    t.add({r.id, std::string(parse::to_string(r.origin)), std::string(rules::to_string(r.kind)), std::to_string(r.version),
           std::string(rules::table_name(r)), enabled ? "yes" : "no (built-in kept)", commands});
  }
  const auto builtins = parse::ParserRegistry::with_builtins();
  for (const auto& entry : builtins.entries()) {
    rows.push_back(Json{{"id", entry.id},
                        {"origin", "builtin"},
                        {"kind", "c++"},
                        {"version", nullptr},
                        {"table", nullptr},
                        {"enabled", true},
                        {"applies_to", Json::array({Json{{"platform", entry.platform}, {"command", entry.canonical_command}}})},
                        {"source", nullptr}});
    t.add({entry.id, "builtin", "c++", "-", "-", "yes", entry.platform + " " + entry.canonical_command});
  }
  if (args.json) out << dump(rows) << '\n';
  else t.print(out);
  return kOk;
}

Result<int> show(const CliArgs& args, std::ostream& out) {
  if (args.positional.size() != 2) return fail(ErrorKind::Usage, "usage: statetrace-cli parsers show RULE_ID");
  ST_TRY(auto set, known_rules(args));
  auto active = set.find(args.positional[1]);
  if (!active) return fail(ErrorKind::NotFound, fmt::format("no rule '{}'", args.positional[1]));
  out << dump(Json(active->rule().json)) << '\n';
  return kOk;
}

// The error objects of `parsers test` (cli/parsers_command.cpp), plus the JSON pointer of
// the rule field at fault.
Json error_json(const std::string& message, std::optional<std::uint64_t> line, const std::string& pointer = {},
                const std::string& file = {}, std::string_view kind = "parse") {
  return Json{{"kind", kind},
              {"message", message},
              {"file", file.empty() ? Json(nullptr) : Json(file)},
              {"line", line ? Json(*line) : Json(nullptr)},
              {"column", nullptr},
              {"hint", nullptr},
              {"pointer", pointer.empty() ? Json(nullptr) : Json(pointer)}};
}

// One `errors` item from a harness problem; line and column are the rule file's when the
// problem has a place in it, else the sample's line.
Json problem_json(const rules::RuleTestProblem& p, const std::string& file, std::string_view text) {
  Json e = error_json(p.message, p.sample_line, p.pointer, p.kind == rules::ProblemKind::Run || p.kind == rules::ProblemKind::Warning || p.kind == rules::ProblemKind::Sandbox ? std::string() : file,
                      rules::to_string(p.kind));
  if (p.at && !text.empty()) {
    const auto where = rules::position_of(text, p.at->offset);
    e["line"] = where.line;
    e["column"] = where.column;
  }
  if (p.template_line) e["template_line"] = *p.template_line;
  return e;
}

Result<int> test(const CliArgs& args, std::ostream& out) {
  auto sample_path = args.get("--sample");
  if (!sample_path) return fail(ErrorKind::Usage, "usage: statetrace-cli parsers test RULE_OR_FILE --sample FILE [--json]");
  ST_TRY(auto sample, read_file(*sample_path));
  if (args.positional.size() != 2) {
    return fail(ErrorKind::Usage, "usage: statetrace-cli parsers test RULE_OR_FILE --sample FILE [--json]");
  }
  const std::string& target = args.positional[1];
  rules::RuleTestReport report;
  std::string rule_text;
  std::string file;
  std::error_code ec;
  if (std::filesystem::is_regular_file(target, ec)) {
    ST_TRY(rule_text, read_file(target));
    file = target;
    rules::RuleTestInput input;
    input.rule_text = rule_text;
    input.source = target;
    input.sample = sample;
    input.template_dir = std::filesystem::path(target).parent_path() / ".." / "templates";
    report = rules::test_rule_text(input);
  } else {
    ST_TRY(auto set, known_rules(args));
    auto active = set.find(target);
    if (!active) return fail(ErrorKind::NotFound, fmt::format("no rule or file '{}'", target));
    report = rules::test_loaded_rule(active->loaded, sample);
  }
  Json result{{"rule", report.loaded ? report.rule_id : target},
              {"records", Json::array()},
              {"matches", Json{{"records", Json::array()}, {"rules", Json::array()}}},
              {"timing", Json::object()},
              {"errors", Json::array()}};
  for (const auto& p : report.problems) result["errors"].push_back(problem_json(p, file, rule_text));
  if (!report.loaded) {
    // Load errors (schema, patterns) are the answer, with their pointers and places.
    if (args.json) out << dump(result) << '\n';
    else for (const auto& e : result["errors"]) out << "error: " << e["message"].get<std::string>() << '\n';
    return kError;
  }
  const rules::RuleRun& run = report.run;
  result["kind"] = report.kind;
  result["header"] = report.fields;
  for (std::size_t i = 0; i < run.records.size(); ++i) {
    result["records"].push_back(run.records[i].row);
    Json lines = Json::array();
    for (auto n : run.records[i].lines) lines.push_back(n);
    result["matches"]["records"].push_back(Json{{"record", i}, {"input_lines", lines},
                                                {"offset", run.records[i].source.offset},
                                                {"length", run.records[i].source.length}});
  }
  result["timing"] = Json{{"compile_us", report.load_us}, {"parse_us", report.parse_us}};
  result["input_lines"] = run.lines;
  if (args.json) {
    out << dump(result) << '\n';
  } else {
    out << dump(result["records"]) << '\n';
    for (const auto& e : result["errors"]) out << "error: " << e["message"].get<std::string>() << '\n';
    out << fmt::format("{} record(s) from {} line(s) in {:.3f} ms\n", run.records.size(), run.lines, report.parse_us / 1000.0);
  }
  return run.ok() && run.errors.empty() ? kOk : kError;
}


Result<int> save(const CliArgs& args, std::ostream& out) {
  if (args.positional.size() != 2) return fail(ErrorKind::Usage, "usage: statetrace-cli parsers save RULE_FILE");
  const std::filesystem::path file = args.positional[1];
  ST_TRY(auto text, read_file(file.string()));
  ST_TRY(auto db, writable_store(args));
  ST_TRY(auto saved, rules::save_rule_text(db, text, file.string(), file.parent_path() / ".." / "templates"));
  if (saved.unchanged) {
    out << fmt::format("{} is unchanged (version {})\n", saved.rule_id, saved.version);
    return kOk;
  }
  if (args.json) out << dump(Json{{"rule", saved.rule_id}, {"version", saved.version}}) << '\n';
  else out << fmt::format("saved {} version {}\n", saved.rule_id, saved.version);
  return kOk;
}

Json stored_json(const store::StoredRule& r) {
  return Json{{"rule", r.rule_id}, {"version", r.version}, {"origin", r.origin},
              {"pack", r.pack ? Json(*r.pack) : Json(nullptr)}, {"checksum", "sha256:" + r.checksum},
              {"saved_at", r.saved_at}, {"note", r.note}};
}

Result<int> history(const CliArgs& args, std::ostream& out) {
  if (args.positional.size() != 2) return fail(ErrorKind::Usage, "usage: statetrace-cli parsers history RULE_ID");
  ST_TRY(auto db, existing_store(args));
  std::vector<store::StoredRule> rows;
  if (db) {
    ST_TRY(rows, store::rule_history(*db, args.positional[1]));
  }
  if (rows.empty()) return fail(ErrorKind::NotFound, fmt::format("no stored rule '{}'", args.positional[1]));
  Json list = Json::array();
  TextTable t({"VERSION", "SAVED", "ORIGIN", "NOTE", "CHECKSUM"});
  for (const auto& r : rows) {
    list.push_back(stored_json(r));
    t.add({std::to_string(r.version), r.saved_at, r.origin + (r.pack ? " " + *r.pack : ""), r.note, r.checksum.substr(0, 12)});
  }
  if (args.json) out << dump(list) << '\n';
  else t.print(out);
  return kOk;
}

Result<int> rollback(const CliArgs& args, std::ostream& out) {
  if (args.positional.size() != 3) return fail(ErrorKind::Usage, "usage: statetrace-cli parsers rollback RULE_ID VERSION");
  std::int64_t version = 0;
  if (auto [p, ec] = std::from_chars(args.positional[2].data(), args.positional[2].data() + args.positional[2].size(), version);
      ec != std::errc() || version <= 0) {
    return fail(ErrorKind::Usage, fmt::format("VERSION must be a positive number, got '{}'", args.positional[2]));
  }
  ST_TRY(auto db, writable_store(args));
  ST_TRY(auto saved, rules::rollback_rule_checked(db, args.positional[1], version));
  if (args.json) out << dump(Json{{"rule", args.positional[1]}, {"version", saved}, {"restored", version}}) << '\n';
  else out << fmt::format("{}: version {} restored as version {}\n", args.positional[1], version, saved);
  return kOk;
}

Result<int> export_rules(const CliArgs& args, std::ostream& out) {
  if (args.positional.size() < 2) {
    return fail(ErrorKind::Usage, "usage: statetrace-cli parsers export OUT.json [RULE_ID ...] [--name N] [--version V] [--author A]");
  }
  ST_TRY(auto set, known_rules(args));
  std::vector<std::string> wanted(args.positional.begin() + 2, args.positional.end());
  std::vector<nlohmann::ordered_json> picked;
  for (const auto& active : set.rules()) {
    const auto& r = active->rule();
    const bool chosen = wanted.empty() ? r.origin != parse::ParserOrigin::Shipped
                                       : std::find(wanted.begin(), wanted.end(), r.id) != wanted.end();
    if (!chosen) continue;
    ST_TRY(auto json, rules::with_inlined_template(r.json));
    picked.push_back(std::move(json));
  }
  for (const auto& w : wanted) {
    if (!set.find(w)) return fail(ErrorKind::NotFound, fmt::format("no rule '{}'", w));
  }
  if (picked.empty()) return fail(ErrorKind::NotFound, "no rules to export (save one first, or name shipped rules)");
  rules::PackInfo info{args.get("--name").value_or(std::filesystem::path(args.positional[1]).stem().string()),
                       args.get("--version").value_or("1"), args.get("--author").value_or(""), ""};
  const auto pack = rules::export_pack(info, picked);
  std::ofstream file(args.positional[1], std::ios::binary);
  file << pack.dump(2) << '\n';
  if (!file) return fail(Error{ErrorKind::Io, "cannot write the pack", args.positional[1], {}, {}, {}});
  if (args.json) out << dump(Json{{"pack", args.positional[1]}, {"rules", picked.size()}}) << '\n';
  else out << fmt::format("exported {} rule(s) to {}\n", picked.size(), args.positional[1]);
  return kOk;
}

Result<int> import_rules(const CliArgs& args, std::ostream& out) {
  if (args.positional.size() != 2) return fail(ErrorKind::Usage, "usage: statetrace-cli parsers import PACK.json [--replace]");
  ST_TRY(auto text, read_file(args.positional[1]));
  ST_TRY(auto db, writable_store(args));
  ST_TRY(auto report,
         rules::import_pack_text(db, text, args.positional[1], args.has("--replace"), insights::import_detection_rules));
  Json conflicts = Json::array(), imported = Json::array(), unchanged = Json::array();
  for (const auto& c : report.conflicts) {
    conflicts.push_back(Json{{"rule", c.rule_id}, {"stored_version", c.stored_version}, {"stored_origin", c.stored_origin},
                             {"stored_pack", c.stored_pack ? Json(*c.stored_pack) : Json(nullptr)}});
  }
  for (const auto& [id, version] : report.imported) imported.push_back(Json{{"rule", id}, {"version", version}});
  for (const auto& id : report.unchanged) unchanged.push_back(id);
  Json detection = Json::array();
  for (const auto& [id, version] : report.detection_imported) detection.push_back(Json{{"rule", id}, {"version", version}});
  if (!report.written) {
    std::string ids;
    for (const auto& c : report.conflicts) ids += (ids.empty() ? "" : ", ") + c.rule_id;
    if (args.json) out << dump(Json{{"imported", Json::array()}, {"unchanged", unchanged}, {"conflicts", conflicts}}) << '\n';
    return fail(Error{ErrorKind::InputRefused, fmt::format("{} rule(s) differ from the stored ones: {}", report.conflicts.size(), ids),
                      args.positional[1], {}, {}, "nothing was imported; --replace saves the pack's as new versions"});
  }
  if (args.json) {
    out << dump(Json{{"imported", imported}, {"unchanged", unchanged}, {"conflicts", conflicts},
                     {"detection_imported", detection}})
        << '\n';
  } else {
    out << fmt::format("pack {}: {} imported, {} unchanged, {} replaced", report.pack, imported.size(), unchanged.size(),
                       conflicts.size());
    if (!detection.empty()) out << fmt::format("; {} detection rule(s) imported", detection.size());
    out << '\n';
  }
  return kOk;
}

// `parsers` arguments: SUB, positionals, `--name value` options and flags.
Result<CliArgs> parse_rules_args(int argc, char** argv) {
  static const std::set<std::string> kValued = {"--sample", "--platform", "--command", "--store", "--name",
                                                "--author", "--version", "--templates", "--index"};
  CliArgs args;
  args.command = "parsers";
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--json") {
      args.json = true;
    } else if (kValued.contains(arg)) {
      if (i + 1 >= argc) return fail(ErrorKind::Usage, fmt::format("{} needs a value", arg));
      args.options[arg] = argv[++i];
    } else if (arg == "--replace") {
      args.options[arg] = "";
    } else if (arg.starts_with("--")) {
      return fail(ErrorKind::Usage, fmt::format("parsers: unknown option {}", arg));
    } else {
      args.positional.push_back(arg);
    }
  }
  return args;
}

// Is `parsers test X` about a rule (a .json file or a known rule id) rather than a template?
bool tests_a_rule(const CliArgs& args) {
  if (args.has("--templates") || args.positional.size() < 2) return false;
  const std::string& target = args.positional[1];
  if (target.ends_with(".json")) return true;
  std::error_code ec;
  if (std::filesystem::exists(target, ec)) return false;
  auto set = known_rules(args);
  return set && set->find(target) != nullptr;
}

}  // namespace

std::optional<int> rules_main(int argc, char** argv, std::ostream& out, std::ostream& err) {
  auto args = parse_rules_args(argc, argv);
  const std::string sub = args && !args->positional.empty() ? args->positional[0] : "";
  static const std::map<std::string, Result<int> (*)(const CliArgs&, std::ostream&)> kCommands = {
      {"list", &list},         {"show", &show},           {"save", &save},          {"history", &history},
      {"rollback", &rollback}, {"export", &export_rules}, {"import", &import_rules}, {"test", &test}};
  auto command = kCommands.find(sub);
  if (!args && sub.empty()) return std::nullopt;
  if (command == kCommands.end() || (sub == "test" && !tests_a_rule(*args))) return std::nullopt;
  if (!args) {
    err << "statetrace-cli: error: " << args.error().message << '\n';
    return kUsage;
  }
  Result<int> code = command->second(*args, out);
  if (code) return *code;
  bool json = false;
  for (int i = 1; i < argc; ++i) json = json || std::string_view(argv[i]) == "--json";
  if (json) err << dump(to_json(code.error()), -1) << '\n';
  else err << "statetrace-cli: error: " << code.error().describe() << '\n';
  return exit_code_for(code.error());
}

}  // namespace st::cli
