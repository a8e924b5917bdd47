#include "cli/rules_command.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <fstream>
#include <sstream>

#include "cli/cli_args.h"
#include "cli/exit_codes.h"
#include "cli/json_output.h"
#include "cli/text_table.h"
#include "rules/registry_setup.h"
#include "rules/rule_loader.h"
#include "rules/rule_set.h"
#include "rules/text_lines.h"

namespace st::cli {

namespace {

using Clock = std::chrono::steady_clock;

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(Error{ErrorKind::NotFound, "cannot read the file", path, {}, {}, {}});
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// Every rule `parsers` can name: shipped (including those kept in C++) and the store's.
Result<rules::RuleSet> known_rules() {
  ST_TRY(auto shipped, rules::shipped_rules(true));
  return shipped;
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
  ST_TRY(auto set, known_rules());
  Json rows = Json::array();
  TextTable t({"ID", "ORIGIN", "KIND", "VERSION", "TABLE", "ENABLED", "COMMANDS"});
  for (const auto& active : set.rules()) {
    const auto& r = active->rule();
    const bool enabled = r.json.value("enabled", true);
    rows.push_back(Json{{"id", r.id},
                        {"origin", parse::to_string(r.origin)},
                        {"kind", rules::to_string(r.kind)},
                        {"version", r.version},
                        {"table", rules::to_string(r.table)},
                        {"enabled", enabled},
                        {"applies_to", applies_json(r)},
                        {"source", r.source}});
    std::string commands;
    for (const auto& a : r.applies_to) {
      commands += (commands.empty() ? "" : ", ") + (a.platform.empty() ? std::string("*") : a.platform) + " " +
                  (a.command.empty() ? "/" + a.command_regex + "/" : a.command);
    }
    t.add({r.id, std::string(parse::to_string(r.origin)), std::string(rules::to_string(r.kind)), std::to_string(r.version),
           std::string(rules::to_string(r.table)), enabled ? "yes" : "no (built-in kept)", commands});
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
  ST_TRY(auto set, known_rules());
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

Result<int> test(const CliArgs& args, std::ostream& out) {
  auto sample_path = args.get("--sample");
  if (!sample_path) return fail(ErrorKind::Usage, "usage: statetrace-cli parsers test RULE_OR_FILE --sample FILE [--json]");
  ST_TRY(auto sample, read_file(*sample_path));
  if (args.positional.size() != 2) {
    return fail(ErrorKind::Usage, "usage: statetrace-cli parsers test RULE_OR_FILE --sample FILE [--json]");
  }
  const std::string& target = args.positional[1];
  Json result{{"rule", target},
              {"records", Json::array()},
              {"matches", Json{{"records", Json::array()}, {"rules", Json::array()}}},
              {"timing", Json::object()},
              {"errors", Json::array()}};
  auto started = Clock::now();
  std::shared_ptr<const rules::RuleExecutor> executor;
  std::optional<rules::ParserRule> rule;
  std::error_code ec;
  if (std::filesystem::is_regular_file(target, ec)) {
    rules::LoadOptions options;
    options.self_test = false;  // a rule being written: its samples are reported, not enforced
    auto loaded = rules::load_rule_file(target, options);
    if (!loaded) {
      // Load errors (schema, patterns) are the answer, with their pointers.
      for (std::string_view rest = loaded.error().message; !rest.empty();) {
        auto nl = rest.find("\n  ");
        std::string line(rest.substr(0, nl));
        std::string pointer;
        if (auto at = line.find(": /"); at != std::string::npos) {
          auto end = line.find(": ", at + 2);
          if (end != std::string::npos) pointer = line.substr(at + 2, end - at - 2);
        }
        result["errors"].push_back(error_json(line, std::nullopt, pointer, target));
        if (nl == std::string_view::npos) break;
        rest.remove_prefix(nl + 3);
      }
      if (args.json) out << dump(result) << '\n';
      else for (const auto& e : result["errors"]) out << "error: " << e["message"].get<std::string>() << '\n';
      return kError;
    }
    executor = loaded->executor;
    rule = loaded->rule;
    for (const auto& o : rules::run_samples(*loaded)) {
      for (const auto& d : o.differences) result["errors"].push_back(error_json(d.message, std::nullopt, d.pointer, target));
    }
  } else {
    ST_TRY(auto set, known_rules());
    auto active = set.find(target);
    if (!active) return fail(ErrorKind::NotFound, fmt::format("no rule or file '{}'", target));
    executor = active->loaded.executor;
    rule = active->rule();
  }
  result["rule"] = rule->id;
  result["kind"] = rules::to_string(rule->kind);
  result["header"] = executor->fields();
  const double load_ms = ms_since(started);
  started = Clock::now();
  rules::RuleRun run = executor->run(sample, true);
  const double parse_ms = ms_since(started);
  for (std::size_t i = 0; i < run.records.size(); ++i) {
    result["records"].push_back(run.records[i].row);
    Json lines = Json::array();
    for (auto n : run.records[i].lines) lines.push_back(n);
    result["matches"]["records"].push_back(Json{{"record", i}, {"input_lines", lines},
                                                {"offset", run.records[i].source.offset},
                                                {"length", run.records[i].source.length}});
  }
  for (const auto& e : run.errors) result["errors"].push_back(error_json(e.message, e.line ? std::optional<std::uint64_t>(e.line) : std::nullopt));
  for (const auto& w : run.warnings) result["errors"].push_back(error_json("warning: " + w.message, w.line));
  if (run.stopped != rules::StopReason::None) {
    result["errors"].push_back(error_json(run.stop_detail, std::nullopt, {}, {}, "sandbox"));
  }
  result["timing"] = Json{{"compile_us", static_cast<std::int64_t>(load_ms * 1000 + 0.5)},
                          {"parse_us", static_cast<std::int64_t>(parse_ms * 1000 + 0.5)}};
  result["input_lines"] = run.lines;
  if (args.json) {
    out << dump(result) << '\n';
  } else {
    out << dump(result["records"]) << '\n';
    for (const auto& e : result["errors"]) out << "error: " << e["message"].get<std::string>() << '\n';
    out << fmt::format("{} record(s) from {} line(s) in {:.3f} ms\n", run.records.size(), run.lines, parse_ms);
  }
  return run.ok() && run.errors.empty() ? kOk : kError;
}

}  // namespace

Result<parse::ParserRegistry> registry_for_ingest(store::Database&) { return rules::build_registry({}); }

namespace {

// `parsers` arguments: SUB, positionals, `--name value` options and flags.
Result<CliArgs> parse_rules_args(int argc, char** argv) {
  static const std::set<std::string> kValued = {"--sample", "--platform", "--command", "--store", "--out",
                                                "--author", "--templates", "--index"};
  CliArgs args;
  args.command = "parsers";
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--json") {
      args.json = true;
    } else if (kValued.contains(arg)) {
      if (i + 1 >= argc) return fail(ErrorKind::Usage, fmt::format("{} needs a value", arg));
      args.options[arg] = argv[++i];
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
  auto set = known_rules();
  return set && set->find(target) != nullptr;
}

}  // namespace

std::optional<int> rules_main(int argc, char** argv, std::ostream& out, std::ostream& err) {
  auto args = parse_rules_args(argc, argv);
  const std::string sub = args && !args->positional.empty() ? args->positional[0] : "";
  const bool ours = sub == "list" || sub == "show" || (sub == "test" && args && tests_a_rule(*args));
  if (!ours) return std::nullopt;
  Result<int> code = sub == "list" ? list(*args, out) : sub == "show" ? show(*args, out) : test(*args, out);
  if (code) return *code;
  bool json = false;
  for (int i = 1; i < argc; ++i) json = json || std::string_view(argv[i]) == "--json";
  if (json) err << dump(to_json(code.error()), -1) << '\n';
  else err << "statetrace-cli: error: " << code.error().describe() << '\n';
  return exit_code_for(code.error());
}

}  // namespace st::cli
