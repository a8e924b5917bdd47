#include "rules/compliance_templates.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rules/embedded_rules.h"

namespace st::rules {
namespace {

std::vector<std::string> alternatives(const std::string& spec) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= spec.size()) {
    const std::size_t bar = spec.find('|', start);
    const std::size_t end = bar == std::string::npos ? spec.size() : bar;
    if (end > start) out.push_back(spec.substr(start, end - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

}  // namespace

Result<std::vector<model::ComplianceTemplate>> load_compliance_templates(std::string_view file, std::string_view text) {
  const auto where = [&](std::string_view pointer, std::string_view message) {
    return Error{ErrorKind::Parse, fmt::format("{}: {}", pointer.empty() ? "/" : pointer, message), std::string(file),
                 {}, {}, {}};
  };
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) return fail(where("", "not valid JSON"));
  const auto& schemas = rule_schemas();
  const auto schema = schemas.find(std::string_view("compliance.schema.json"));
  if (schema == schemas.end()) return fail(ErrorKind::Internal, "the compliance schema is not embedded");
  if (auto violations = validate_schema(schema->second, json, &schemas); !violations.empty()) {
    return fail(where(violations.front().pointer, violations.front().message));
  }
  std::vector<model::ComplianceTemplate> out;
  std::size_t defaults = 0;
  for (const auto& t : json["templates"]) {
    model::ComplianceTemplate tpl;
    tpl.platform = json["platform"].get<std::string>();
    tpl.name = t["name"].get<std::string>();
    tpl.aliases = t.value("aliases", std::vector<std::string>{});
    for (const auto& r : t["required"]) tpl.required.push_back(alternatives(r.get<std::string>()));
    for (const auto& e : t.value("excluded", std::vector<std::string>{})) tpl.excluded.push_back(alternatives(e));
    tpl.colour = t.value("colour", std::string("#9e9e9e"));
    tpl.is_default = t.value("default", false);
    defaults += tpl.is_default ? 1 : 0;
    out.push_back(std::move(tpl));
  }
  if (defaults > 1) return fail(where("/templates", "more than one template is the default"));
  return out;
}

Result<model::ComplianceSet> shipped_compliance_templates() {
  static const Result<model::ComplianceSet> loaded = []() -> Result<model::ComplianceSet> {
    std::vector<model::ComplianceTemplate> all;
    for (const auto& f : embedded_rule_files("compliance/")) {
      ST_TRY(auto templates, load_compliance_templates(fmt::format("rules/{}", f.path), f.text));
      for (auto& t : templates) all.push_back(std::move(t));
    }
    return model::ComplianceSet(std::move(all));
  }();
  return loaded;
}

}  // namespace st::rules
