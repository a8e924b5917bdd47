#include "rules/rule_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "rules/embedded_rules.h"
#include "rules/json_schema.h"
#include "rules/rule_output.h"
#include "rules/safe_regex.h"

namespace st::rules {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

bool empty_value(const ordered_json& v) {
  return v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty()) || (v.is_array() && v.empty());
}

std::optional<std::string> read_text_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

ParserRule model_of(const ordered_json& doc, const std::string& source, parse::ParserOrigin origin) {
  ParserRule r;
  r.id = doc.at("id").get<std::string>();
  r.kind = *rule_kind_from(doc.at("kind").get<std::string>());
  r.version = doc.value("version", std::int64_t{1});
  r.description = doc.value("description", std::string{});
  r.author = doc.value("author", std::string{});
  r.origin = origin;
  r.source = source;
  for (const auto& a : doc.at("applies_to")) {
    r.applies_to.push_back({a.value("platform", std::string{}), a.value("command", std::string{}),
                            a.value("command_regex", std::string{})});
  }
  const auto& output = doc.at("output");
  const auto table = output.at("table").get<std::string>();
  r.table = *output_table_from(table);
  if (r.table == OutputTable::Objects) r.object_kind = model::object_kind_by_table(table);
  if (auto f = output.find("fields"); f != output.end()) {
    for (auto it = f->begin(); it != f->end(); ++it) r.fields.emplace_back(it.key(), it.value().get<std::string>());
  }
  if (auto s = doc.find("samples"); s != doc.end()) {
    for (const auto& sample : *s) {
      RuleSample rs;
      rs.name = sample.value("name", std::string{});
      rs.input = sample_text(sample.at("input"));
      if (sample.contains("platform")) rs.platform = sample.at("platform").get<std::string>();
      rs.expected = sample.at("expected");
      r.samples.push_back(std::move(rs));
    }
  }
  r.spec = doc.at(std::string(to_string(r.kind)));
  r.json = doc;
  return r;
}

// Which fields a table's mapping may name.
std::vector<std::string_view> table_fields(const ParserRule& rule) {
  switch (rule.table) {
    case OutputTable::Objects: {
      std::vector<std::string_view> names;
      for (const auto& c : rule.object_kind->columns) names.push_back(c.name);
      return names;
    }
    case OutputTable::Interfaces: return {"name", "status", "vlan", "duplex", "speed", "type", "description"};
    case OutputTable::DeviceFacts:
      return {"hostname", "vendor", "platform", "model", "os_version", "serial", "uptime", "reload_reason"};
    case OutputTable::Clock: return {"time", "zone", "month", "day", "year", "raw"};
    case OutputTable::Events:
      return {"timestamp", "month", "day", "year", "time", "zone", "sequence", "facility", "severity", "mnemonic",
              "message", "interface"};
    case OutputTable::Records: return {};
  }
  return {};
}

}  // namespace

std::string sample_text(const nlohmann::json& input) {
  if (input.is_string()) return input.get<std::string>();
  std::string text;
  for (const auto& line : input) text += line.get<std::string>() + "\n";
  return text;
}

Error rule_error(ErrorKind kind, const std::string& source, const std::string& rule_id,
                 const std::vector<RuleProblem>& problems) {
  std::string message;
  for (const auto& p : problems) {
    if (!message.empty()) message += "\n  ";
    message += fmt::format("rule '{}': {}{}", rule_id.empty() ? "?" : rule_id, p.pointer.empty() ? "" : p.pointer + ": ",
                           p.message);
  }
  return Error{kind, message, source, {}, {}, {}};
}

std::vector<RuleProblem> check_rule_schema(const nlohmann::json& doc) {
  std::vector<RuleProblem> problems;
  if (!doc.is_object()) return {{"", "a rule is a JSON object"}};
  auto kind = doc.find("kind");
  if (kind == doc.end() || !kind->is_string() || !rule_kind_from(kind->get<std::string>())) {
    return {{"/kind", "kind must be one of textfsm, regex, delimiter, jsonpath"}};
  }
  const SchemaSet& schemas = rule_schemas();
  auto schema = schemas.find(kind->get<std::string>() + ".schema.json");
  if (schema == schemas.end()) return {{"/kind", "no schema for this kind (build problem)"}};
  for (auto& v : validate_schema(schema->second, doc, &schemas)) problems.push_back({v.pointer, v.message});
  return problems;
}

Result<LoadedRule> load_rule(const nlohmann::json& doc, const std::string& source, const LoadOptions& options) {
  const std::string id = doc.is_object() && doc.contains("id") && doc["id"].is_string() ? doc["id"].get<std::string>() : "";
  if (auto problems = check_rule_schema(doc); !problems.empty()) {
    return fail(rule_error(ErrorKind::Parse, source, id, problems));
  }
  LoadedRule loaded;
  loaded.rule = model_of(ordered_json::parse(doc.dump()), source, options.origin);
  ParserRule& rule = loaded.rule;

  std::vector<RuleProblem> problems;
  const auto allowed = table_fields(rule);
  for (const auto& [target, from] : rule.fields) {
    if (rule.table != OutputTable::Records && std::find(allowed.begin(), allowed.end(), target) == allowed.end()) {
      problems.push_back({"/output/fields/" + target,
                          fmt::format("the {} table has no field '{}'", table_name(rule), target)});
    }
  }
  // also_objects: a table of objects, and fields it has.
  const auto& output = rule.json.at("output");
  std::vector<std::pair<std::string, std::string>> other_references;  // pointer -> "A|B|=x" (also_*)
  if (auto specs = output.find("also_objects"); specs != output.end()) {
    for (std::size_t i = 0; i < specs->size(); ++i) {
      const auto& spec = (*specs)[i];
      const auto pointer = fmt::format("/output/also_objects/{}", i);
      const auto* kind = model::object_kind_by_table(spec.at("table").get<std::string>());
      if (!kind) {
        problems.push_back({pointer + "/table", "not a table of objects"});
        continue;
      }
      for (auto it = spec.at("fields").begin(); it != spec.at("fields").end(); ++it) {
        if (!kind->column_index(it.key())) {
          problems.push_back({pointer + "/fields/" + it.key(), fmt::format("the {} table has no field '{}'", kind->table, it.key())});
        }
        other_references.emplace_back(pointer + "/fields/" + it.key(), it.value().get<std::string>());
      }
      if (spec.contains("each")) other_references.emplace_back(pointer + "/each", spec.at("each").get<std::string>());
    }
  }
  if (auto records = output.find("also_records"); records != output.end() && records->is_object()) {
    for (auto it = records->at("fields").begin(); it != records->at("fields").end(); ++it) {
      other_references.emplace_back("/output/also_records/fields/" + it.key(), it.value().get<std::string>());
    }
  }
  for (std::size_t i = 0; i < rule.applies_to.size(); ++i) {
    if (const auto& re = rule.applies_to[i].command_regex; !re.empty()) {
      if (auto compiled = SafeRegex::compile(re, options.budget); !compiled) {
        problems.push_back({fmt::format("/applies_to/{}/command_regex", i), compiled.error().message});
      }
    }
  }
  CompileContext context;
  context.budget = options.budget;
  context.templates = [dir = options.template_dir](const std::string& name) -> std::optional<std::string> {
    if (!dir.empty()) {
      if (auto text = read_text_file(dir / name)) return text;
    }
    if (auto text = embedded_rule_file("templates/" + name)) return std::string(*text);
    return std::nullopt;
  };
  auto executor = compile_executor(rule, context);
  if (!executor) {
    // Executors put the pointer first: "/regex/patterns/0: message".
    const std::string& m = executor.error().message;
    const auto colon = m.find(": ");
    if (m.starts_with("/") && colon != std::string::npos) problems.push_back({m.substr(0, colon), m.substr(colon + 2)});
    else problems.push_back({"", m});
  } else {
    loaded.executor = std::shared_ptr<const RuleExecutor>(std::move(*executor));
    if (rule.table != OutputTable::Records || !other_references.empty()) {
      const auto produced = loaded.executor->fields();
      std::vector<std::pair<std::string, std::string>> references;
      if (rule.table != OutputTable::Records) {
        for (const auto& [target, from] : rule.fields) references.emplace_back("/output/fields/" + target, from);
      }
      references.insert(references.end(), other_references.begin(), other_references.end());
      for (const auto& [pointer, from] : references) {
        if (rule.kind == RuleKind::Jsonpath || produced.empty() || from.starts_with("=")) continue;
        std::string_view rest = from;
        // "A|B|=literal": the first of A and B with a value, else the literal (the rest).
        while (!rest.empty() && !rest.starts_with('=')) {
          const std::string_view one = rest.substr(0, rest.find('|'));
          const std::string name(one.substr(0, one.find('[')));
          if (std::find(produced.begin(), produced.end(), name) == produced.end()) {
            problems.push_back({pointer, fmt::format("the rule gives no field '{}'", name)});
          }
          rest.remove_prefix(std::min(rest.size(), one.size() + 1));
        }
      }
    }
  }
  if (!problems.empty()) return fail(rule_error(ErrorKind::Parse, source, rule.id, problems));
  rule.also_objects = plan_also_objects(rule);

  if (options.self_test) {
    for (const auto& outcome : run_samples(loaded)) {
      if (!outcome.passed) return fail(rule_error(ErrorKind::Parse, source, rule.id, outcome.differences));
    }
  }
  return loaded;
}

Result<LoadedRule> load_rule_text(std::string_view text, const std::string& source, const LoadOptions& options) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    Error error{ErrorKind::Parse, fmt::format("not valid JSON: {}", e.what()), source, {}, e.byte, {}};
    return fail(error);
  }
  return load_rule(doc, source, options);
}

Result<LoadedRule> load_rule_file(const std::filesystem::path& path, LoadOptions options) {
  auto text = read_text_file(path);
  if (!text) return fail(Error{ErrorKind::Io, "cannot read the rule file", path.string(), {}, {}, {}});
  if (options.template_dir.empty()) options.template_dir = path.parent_path() / ".." / "templates";
  return load_rule_text(*text, path.string(), options);
}

std::vector<SampleOutcome> run_samples(const LoadedRule& loaded) {
  std::vector<SampleOutcome> outcomes;
  const auto& samples = loaded.rule.samples;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    SampleOutcome o;
    o.name = samples[i].name;
    o.index = i;
    o.run = loaded.executor->run(samples[i].input, true);
    const std::string base = fmt::format("/samples/{}", i);
    if (!o.run.ok()) {
      std::string why = o.run.stop_detail;
      for (const auto& e : o.run.errors) why += (why.empty() ? "" : "; ") + e.message;
      o.differences.push_back({base + "/input", fmt::format("sample '{}' did not run: {}", o.name, why)});
    }
    const auto& expected = samples[i].expected;
    if (expected.size() != o.run.records.size()) {
      o.differences.push_back({base + "/expected", fmt::format("sample '{}': expected {} record(s), the rule gave {}",
                                                               o.name, expected.size(), o.run.records.size())});
    }
    for (std::size_t r = 0; r < std::min(expected.size(), o.run.records.size()); ++r) {
      const auto& want = expected[r];
      const auto& got = o.run.records[r].row;
      for (auto it = want.begin(); it != want.end(); ++it) {
        auto g = got.find(it.key());
        const ordered_json actual = g == got.end() ? ordered_json(nullptr) : *g;
        if (actual != it.value()) {
          o.differences.push_back({fmt::format("{}/expected/{}/{}", base, r, it.key()),
                                   fmt::format("sample '{}': expected {}, the rule gave {}", o.name, it.value().dump(),
                                               actual.dump())});
        }
      }
      for (auto it = got.begin(); it != got.end(); ++it) {
        if (!want.contains(it.key()) && !empty_value(it.value())) {
          o.differences.push_back({fmt::format("{}/expected/{}", base, r),
                                   fmt::format("sample '{}': the rule gave {} = {}, which the sample does not expect",
                                               o.name, it.key(), it.value().dump())});
        }
      }
    }
    o.passed = o.differences.empty();
    outcomes.push_back(std::move(o));
  }
  return outcomes;
}

}  // namespace st::rules
