#include "cli/parsers_command.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/exit_codes.h"
#include "cli/json_output.h"
#include "cli/rules_command.h"
#include "cli/text_table.h"
#include "textfsm/clitable.h"
#include "textfsm/fsm.h"
#include "textfsm/py_text.h"
#include "textfsm/records_json.h"

namespace st::cli {

namespace {

namespace tfsm = st::textfsm;

constexpr const char* kParsersUsage =
    "usage: statetrace-cli parsers list [--json]                      rules (store, shipped) and built-in parsers\n"
    "       statetrace-cli parsers show RULE_ID [--json]              a rule's JSON (the store's current version)\n"
    "       statetrace-cli parsers save RULE_FILE                     store a rule as a new version\n"
    "       statetrace-cli parsers history RULE_ID [--json]           a stored rule's versions\n"
    "       statetrace-cli parsers rollback RULE_ID VERSION           save an earlier version again\n"
    "       statetrace-cli parsers export PACK.json [RULE_ID ...] [--name N] [--version V] [--author A]\n"
    "       statetrace-cli parsers import PACK.json [--replace]\n"
    "       statetrace-cli parsers test RULE_ID_OR_RULE_FILE --sample FILE [--json]\n"
    "       statetrace-cli parsers test TEMPLATE --sample FILE [--json]\n"
    "       statetrace-cli parsers test --templates DIR --platform PLATFORM --command 'show ...' --sample FILE\n"
    "                                   [--index NAME] [--json]\n";

struct Options {
  std::optional<std::string> template_file, sample, templates, platform, command;
  std::optional<std::string> store;  // accepted like every command's --store; a template test reads none
  std::string index = "index";
  bool json = false;
};

Result<Options> parse_options(int argc, char** argv) {
  Options o;
  if (argc < 3) {
    return fail(ErrorKind::Usage, "parsers: expected a subcommand (list|show|save|history|rollback|export|import|test)");
  }
  if (std::string_view(argv[2]) != "test") {
    return fail(ErrorKind::Usage, fmt::format("parsers: unknown subcommand '{}' (list|show|save|history|rollback|export|"
                                              "import|test)",
                                              argv[2]));
  }
  const std::map<std::string_view, std::optional<std::string>*> valued = {
      {"--sample", &o.sample}, {"--templates", &o.templates}, {"--platform", &o.platform}, {"--command", &o.command},
      {"--store", &o.store}};
  for (int i = 3; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--json") {
      o.json = true;
    } else if (arg == "--index") {
      if (i + 1 >= argc) return fail(ErrorKind::Usage, "--index needs a value");
      o.index = argv[++i];
    } else if (auto it = valued.find(arg); it != valued.end()) {
      if (i + 1 >= argc) return fail(ErrorKind::Usage, fmt::format("{} needs a value", arg));
      *it->second = argv[++i];
    } else if (arg.starts_with("--")) {
      return fail(ErrorKind::Usage, fmt::format("parsers test: unknown option {}", arg));
    } else if (!o.template_file) {
      o.template_file = std::string(arg);
    } else {
      return fail(ErrorKind::Usage, fmt::format("parsers test: unexpected argument '{}'", arg));
    }
  }
  if (!o.sample) return fail(ErrorKind::Usage, "parsers test: --sample FILE is required");
  const bool by_index = o.templates || o.platform || o.command;
  if (by_index == o.template_file.has_value()) {
    return fail(ErrorKind::Usage, "parsers test: give either TEMPLATE or --templates DIR --platform P --command C");
  }
  if (by_index && (!o.templates || !o.platform || !o.command)) {
    return fail(ErrorKind::Usage, "parsers test: --templates, --platform and --command go together");
  }
  return o;
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(Error{ErrorKind::InputRefused, "cannot read the file", path, {}, {}, {}});
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The 1-based column (in characters) of a byte offset in `file`, when it can be read.
std::optional<std::uint64_t> column_in_file(const Error& e) {
  if (!e.offset || e.file.empty()) return std::nullopt;
  auto text = read_file(e.file);
  if (!text || *e.offset > text->size()) return std::nullopt;
  const std::string_view before = std::string_view(*text).substr(0, *e.offset);
  const std::size_t line_start = before.find_last_of("\r\n");
  return tfsm::py::count_code_points(before.substr(line_start == std::string_view::npos ? 0 : line_start + 1)) + 1;
}

Json error_json(const Error& e) {
  Json j = Json::object();
  j["kind"] = std::string(to_string(e.kind));
  j["message"] = e.message;
  j["file"] = e.file.empty() ? Json(nullptr) : Json(e.file);
  j["line"] = e.line ? Json(*e.line) : Json(nullptr);
  const auto column = column_in_file(e);
  j["column"] = column ? Json(*column) : Json(nullptr);
  j["hint"] = e.hint.empty() ? Json(nullptr) : Json(e.hint);
  return j;
}

std::string describe_with_column(const Error& e) {
  std::string where = e.file;
  if (e.line) where += fmt::format(":{}", *e.line);
  if (const auto column = column_in_file(e)) where += fmt::format(":{}", *column);
  return fmt::format("{}{}{}{}", where, where.empty() ? "" : ": ", e.message, e.hint.empty() ? "" : " (" + e.hint + ")");
}

// Which rules matched which input lines, per template.
Json rules_json(const tfsm::Template& tpl, const tfsm::ParseTrace& trace) {
  Json rules = Json::array();
  for (const auto& state : tpl.states()) {
    for (const auto& rule : state.rules) {
      Json r = Json::object();
      r["template"] = tpl.file();
      r["state"] = state.name;
      r["line"] = rule.line;
      r["rule"] = rule.text;
      r["tried"] = trace.rule_tries.empty() ? 0 : trace.rule_tries[rule.id];
      r["input_lines"] = trace.rule_lines.empty() ? Json::array() : Json(trace.rule_lines[rule.id]);
      rules.push_back(std::move(r));
    }
  }
  return rules;
}

std::string cell_text(const tfsm::TableCell& c) {
  if (!c.is_list) return c.text;
  std::string out;
  for (std::size_t i = 0; i < c.items.size(); ++i) out += (i ? ", " : "") + c.items[i];
  return "[" + out + "]";
}

struct Outcome {
  Json doc = Json::object();
  tfsm::CliTable table;  // for the text output
  double compile_us = 0, parse_us = 0;
  std::optional<Error> error;
};

void run_template(const Options& o, const std::string& sample, Outcome& oc) {
  const auto start = std::chrono::steady_clock::now();
  auto tpl = tfsm::Template::load(*o.template_file);
  oc.compile_us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  if (!tpl) {
    oc.error = tpl.error();
    return;
  }
  tfsm::Runner runner(*tpl);
  const auto parse_start = std::chrono::steady_clock::now();
  auto parsed = runner.parse(sample, true);
  oc.parse_us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - parse_start).count();
  oc.doc["templates"] = Json::array({*o.template_file});
  oc.doc["header"] = tpl->header();
  oc.doc["matches"]["rules"] = Json::array();
  if (!parsed) {
    oc.error = parsed.error();
    return;
  }
  oc.table.header = tpl->header();
  Json records = Json::array(), record_lines = Json::array();
  for (std::size_t r = 0; r < parsed->records.size(); ++r) {
    records.push_back(tfsm::record_to_json(*tpl, parsed->records, r));
    std::vector<tfsm::TableCell> row;
    for (std::size_t v = 0; v < parsed->records.width(); ++v) {
      row.push_back(tfsm::to_table_cell(tpl->values()[v], parsed->records[r][v], parsed->records));
    }
    oc.table.rows.push_back(std::move(row));
    record_lines.push_back(Json{{"record", r}, {"input_lines", parsed->trace.record_lines[r]}});
  }
  oc.doc["records"] = std::move(records);
  oc.doc["matches"]["records"] = std::move(record_lines);
  oc.doc["matches"]["rules"] = rules_json(*tpl, parsed->trace);
  oc.doc["input_lines"] = parsed->lines;
}

void run_index(const Options& o, const std::string& sample, Outcome& oc) {
  const auto start = std::chrono::steady_clock::now();
  auto lib = tfsm::TemplateLibrary::open(*o.templates, o.index);
  oc.compile_us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  if (!lib) {
    oc.error = lib.error();
    return;
  }
  auto parsed = lib->parse(sample, {{"Command", *o.command}, {"Platform", *o.platform}}, true);
  if (!parsed) {
    oc.error = parsed.error();
    return;
  }
  Json templates = Json::array(), rules = Json::array();
  for (const auto& part : parsed->parts) {
    templates.push_back(part.tpl->file());
    oc.compile_us += part.compile_us;
    oc.parse_us += part.parse_us;
    for (auto& r : rules_json(*part.tpl, part.result.trace)) rules.push_back(std::move(r));
  }
  oc.doc["templates"] = std::move(templates);
  oc.doc["index_line"] = parsed->row->line;
  oc.doc["header"] = parsed->table.header;
  Json records = Json::array(), record_lines = Json::array();
  for (std::size_t r = 0; r < parsed->table.rows.size(); ++r) {
    records.push_back(tfsm::table_row_to_json(parsed->table, r));
    // Merged rows are the first template's records, in order.
    const auto& first = parsed->parts.front().result.trace.record_lines;
    record_lines.push_back(Json{{"record", r}, {"input_lines", r < first.size() ? Json(first[r]) : Json::array()}});
  }
  oc.doc["records"] = std::move(records);
  oc.doc["matches"]["records"] = std::move(record_lines);
  oc.doc["matches"]["rules"] = std::move(rules);
  oc.table = std::move(parsed->table);
}

}  // namespace

int parsers_main(int argc, char** argv, std::ostream& out, std::ostream& err) {
  // Parser rules (list, show, history, rollback, export, import, and `test` of a rule id or a
  // rule .json file) are handled in cli/rules_command.cpp; templates stay here.
  for (int i = 2; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h" || (i == 2 && arg == "help")) {
      out << kParsersUsage;
      return kOk;
    }
  }
  if (auto handled = rules_main(argc, argv, out, err)) return *handled;
  bool json = false;
  for (int i = 1; i < argc; ++i) json = json || std::string_view(argv[i]) == "--json";
  auto opts = parse_options(argc, argv);
  if (!opts) {
    if (json) {
      err << dump(to_json(opts.error()), -1) << '\n';
    } else {
      err << "statetrace-cli: error: " << opts.error().message << "\n\n" << kParsersUsage;
    }
    return kUsage;
  }
  Outcome oc;
  oc.doc["records"] = Json::array();
  oc.doc["matches"] = Json{{"records", Json::array()}, {"rules", Json::array()}};
  auto sample = read_file(*opts->sample);
  if (!sample) {
    oc.error = sample.error();
  } else if (opts->template_file) {
    run_template(*opts, *sample, oc);
  } else {
    run_index(*opts, *sample, oc);
  }
  oc.doc["timing"] = Json{{"compile_us", static_cast<std::int64_t>(oc.compile_us + 0.5)},
                          {"parse_us", static_cast<std::int64_t>(oc.parse_us + 0.5)}};
  oc.doc["errors"] = oc.error ? Json::array({error_json(*oc.error)}) : Json::array();
  if (opts->json) {
    out << dump(oc.doc) << '\n';
  } else if (oc.error) {
    err << "statetrace-cli: error: " << describe_with_column(*oc.error) << '\n';
  } else {
    TextTable table(oc.table.header);
    for (const auto& row : oc.table.rows) {
      std::vector<std::string> cells;
      for (const auto& c : row) cells.push_back(cell_text(c));
      table.add(std::move(cells));
    }
    table.print(out);
    out << fmt::format("{} record(s); compile {:.0f} us, parse {:.0f} us\n", oc.table.rows.size(), oc.compile_us,
                       oc.parse_us);
  }
  return oc.error ? exit_code_for(*oc.error) : kOk;
}

}  // namespace st::cli
