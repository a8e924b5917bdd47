#include "insights/cluster_pattern.h"

#include <algorithm>

#include <fmt/format.h>

#include "parse/event_kind.h"
#include "rules/embedded_rules.h"
#include "rules/json_schema.h"
#include "rules/rule_loader.h"
#include "rules/safe_regex.h"

namespace st::insights {

using nlohmann::json;

Result<ClusterPattern> load_cluster_pattern_text(std::string_view text, const std::string& source) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    return fail(Error{ErrorKind::Parse, fmt::format("not valid JSON: {}", e.what()), source, {}, e.byte, {}});
  }
  const std::string id = doc.is_object() ? doc.value("id", "") : "";
  const auto& schemas = rules::rule_schemas();
  std::vector<rules::RuleProblem> problems;
  for (auto& v : rules::validate_schema(schemas.at("pattern.schema.json"), doc, &schemas)) problems.push_back({v.pointer, v.message});
  if (!problems.empty()) return fail(rules::rule_error(ErrorKind::Parse, source, id, problems));

  ClusterPattern p;
  p.id = id;
  p.version = doc["version"].get<int>();
  p.title = doc["title"].get<std::string>();
  p.severity = *severity_from(doc["severity"].get<std::string>());
  p.signature = doc["signature"].get<std::string>();
  p.description = doc["description"].get<std::string>();
  p.enabled = doc.value("enabled", true);
  p.scope = doc["scope"].get<std::string>() == "site" ? PatternScope::Site : PatternScope::Device;
  p.window_seconds = doc["window_seconds"].get<double>();
  p.ordered = doc.value("ordered", false);
  p.summary = doc.value("summary", p.title);
  p.source = source;
  const auto known = parse::event_kinds();
  for (std::size_t i = 0; i < doc["steps"].size(); ++i) {
    const json& s = doc["steps"][i];
    const std::string at = fmt::format("/steps/{}", i);
    PatternStep step;
    step.name = s["name"].get<std::string>();
    if (s.contains("kinds")) step.select.kinds = s["kinds"].get<std::vector<std::string>>();
    if (s.contains("message_ids")) step.select.message_ids = s["message_ids"].get<std::vector<std::string>>();
    step.select.text = s.value("text", "");
    for (std::size_t k = 0; k < step.select.kinds.size(); ++k) {
      if (std::find(known.begin(), known.end(), step.select.kinds[k]) == known.end()) {
        problems.push_back({fmt::format("{}/kinds/{}", at, k), fmt::format("unknown event kind '{}'", step.select.kinds[k])});
      }
    }
    if (!step.select.text.empty()) {
      if (auto re = rules::SafeRegex::compile(step.select.text, rules::Budget{}); !re) {
        problems.push_back({at + "/text", re.error().message});
      }
    }
    if (s.contains("port_types")) step.port_types = s["port_types"].get<std::vector<std::string>>();
    step.min_count = s.value("min_count", std::size_t{1});
    step.min_interfaces = s.value("min_interfaces", std::size_t{0});
    step.min_devices = s.value("min_devices", std::size_t{0});
    step.min_members = s.value("min_members", std::size_t{0});
    if (step.min_devices > 1 && p.scope == PatternScope::Device) {
      problems.push_back({at + "/min_devices", "a device-scoped pattern sees one device; use scope site"});
    }
    p.steps.push_back(std::move(step));
  }
  if (doc.contains("samples")) {
    for (const auto& s : doc["samples"]) {
      PatternSample sample;
      sample.name = s["name"].get<std::string>();
      for (auto it = s["devices"].begin(); it != s["devices"].end(); ++it) {
        std::string capture;
        for (const auto& line : it.value()) capture += line.get<std::string>() + "\n";
        sample.devices[it.key()] = std::move(capture);
      }
      for (const auto& e : s["expected"]) sample.expected.push_back(e["devices"].get<std::vector<std::string>>());
      p.samples.push_back(std::move(sample));
    }
  }
  if (!problems.empty()) return fail(rules::rule_error(ErrorKind::Parse, source, id, problems));
  return p;
}

Result<std::vector<ClusterPattern>> shipped_patterns() {
  std::vector<ClusterPattern> out;
  for (const auto& file : rules::embedded_rule_files("patterns/")) {
    ST_TRY(auto p, load_cluster_pattern_text(file.text, "rules/" + std::string(file.path)));
    out.push_back(std::move(p));
  }
  return out;
}

std::string stack_member_of(std::string_view interface) {
  const auto digit = interface.find_first_of("0123456789");
  if (digit == std::string_view::npos) return "";
  const auto slash = interface.find('/', digit);
  if (slash == std::string_view::npos) return "";
  return std::string(interface.substr(digit, slash - digit));
}

}  // namespace st::insights
