#include "rules/rule_pack.h"

#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>

#include "rules/embedded_rules.h"
#include "rules/json_schema.h"
#include "util/sha256.h"

namespace st::rules {

using nlohmann::json;
using nlohmann::ordered_json;

std::string rule_checksum(const ordered_json& rule) {
  return "sha256:" + util::sha256_hex(rule.dump(-1, ' ', false, json::error_handler_t::replace));
}

Result<ordered_json> with_inlined_template(const ordered_json& rule, const std::filesystem::path& template_dir) {
  if (rule.value("kind", "") != "textfsm" || !rule.contains("textfsm") || !rule["textfsm"].contains("template")) {
    return rule;
  }
  const std::string name = rule["textfsm"]["template"].get<std::string>();
  std::optional<std::string> text;
  if (!template_dir.empty()) {
    std::ifstream in(template_dir / name, std::ios::binary);
    if (in) {
      std::ostringstream b;
      b << in.rdbuf();
      text = b.str();
    }
  }
  if (!text) {
    if (auto embedded = embedded_rule_file("templates/" + name)) text = std::string(*embedded);
  }
  if (!text) return fail(ErrorKind::NotFound, fmt::format("/textfsm/template: no template named '{}'", name));
  ordered_json out = rule;
  out["textfsm"] = ordered_json{{"inline", *text}};
  return out;
}

ordered_json export_pack(const PackInfo& info, const std::vector<ordered_json>& rules,
                         const std::vector<ordered_json>& detection_rules) {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
  ordered_json pack{{"format", "statetrace-rule-pack/1"}, {"name", info.name},       {"version", info.version},
                    {"author", info.author},              {"description", info.description}, {"exported_at", when},
                    {"rules", ordered_json::array()}};
  for (const auto& r : rules) pack["rules"].push_back(ordered_json{{"checksum", rule_checksum(r)}, {"rule", r}});
  if (!detection_rules.empty()) {
    pack["detection_rules"] = ordered_json::array();
    for (const auto& r : detection_rules) {
      pack["detection_rules"].push_back(ordered_json{{"checksum", rule_checksum(r)}, {"rule", r}});
    }
  }
  return pack;
}

Result<Pack> read_pack(std::string_view text, const std::string& source) {
  ordered_json doc;
  try {
    doc = ordered_json::parse(text);
  } catch (const json::parse_error& e) {
    return fail(Error{ErrorKind::Parse, fmt::format("not valid JSON: {}", e.what()), source, {}, e.byte, {}});
  }
  std::vector<RuleProblem> problems;
  const SchemaSet& schemas = rule_schemas();
  const json plain = json::parse(doc.dump());
  for (auto& v : validate_schema(schemas.at("pack.schema.json"), plain, &schemas)) problems.push_back({v.pointer, v.message});
  if (!problems.empty()) return fail(rule_error(ErrorKind::Parse, source, "(pack)", problems));

  Pack pack;
  pack.info = PackInfo{doc["name"].get<std::string>(), doc["version"].get<std::string>(), doc.value("author", ""),
                       doc.value("description", "")};
  LoadOptions options;
  options.origin = parse::ParserOrigin::Pack;
  std::vector<std::string> errors;
  for (std::size_t i = 0; i < doc["rules"].size(); ++i) {
    const auto& entry = doc["rules"][i];
    const std::string at = fmt::format("/rules/{}", i);
    if (rule_checksum(entry["rule"]) != entry["checksum"].get<std::string>()) {
      errors.push_back(fmt::format("rule '{}': {}/checksum: does not match the rule (edited after export?)",
                                   entry["rule"].value("id", "?"), at));
      continue;
    }
    auto loaded = load_rule(json::parse(entry["rule"].dump()), source, options);
    if (!loaded) {
      // Pointers inside the pack: "/rules/N/rule" + the rule's own pointer.
      std::string message = loaded.error().message;
      for (std::size_t pos = 0; (pos = message.find(": /", pos)) != std::string::npos; pos += 3) {
        message.insert(pos + 2, at + "/rule");
      }
      errors.push_back(message);
      continue;
    }
    pack.rules.push_back(std::move(*loaded));
  }
  if (doc.contains("detection_rules")) {
    for (std::size_t i = 0; i < doc["detection_rules"].size(); ++i) {
      const auto& entry = doc["detection_rules"][i];
      if (rule_checksum(entry["rule"]) != entry["checksum"].get<std::string>()) {
        errors.push_back(fmt::format("detection rule '{}': /detection_rules/{}/checksum: does not match the rule "
                                     "(edited after export?)",
                                     entry["rule"].value("id", "?"), i));
        continue;
      }
      pack.detection_rules.push_back(json::parse(entry["rule"].dump()));
    }
  }
  if (!errors.empty()) {
    std::string message;
    for (const auto& e : errors) message += (message.empty() ? "" : "\n  ") + e;
    return fail(Error{ErrorKind::Parse, message, source, {}, {}, "nothing was imported"});
  }
  return pack;
}

}  // namespace st::rules
