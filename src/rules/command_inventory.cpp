#include "rules/command_inventory.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "parse/command_catalog.h"
#include "rules/embedded_rules.h"

namespace st::rules {

bool RecommendedCommand::satisfied_by(std::string_view canonical_command) const {
  return canonical_command == canonical || std::find(also.begin(), also.end(), canonical_command) != also.end();
}

std::string CommandInventory::script() const {
  std::string out;
  if (!pager.empty()) out += pager + "\n";
  for (const auto& c : commands) out += c.syntax + "\n";
  return out;
}

Result<CommandInventory> load_command_inventory(std::string_view file, std::string_view text) {
  const auto where = [&](std::string_view pointer, std::string_view message) {
    return Error{ErrorKind::Parse, fmt::format("{}: {}", pointer.empty() ? "/" : pointer, message), std::string(file),
                 {}, {}, {}};
  };
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) return fail(where("", "not valid JSON"));
  const auto& schemas = rule_schemas();
  const auto schema = schemas.find(std::string_view("commands.schema.json"));
  if (schema == schemas.end()) return fail(ErrorKind::Internal, "the commands schema is not embedded");
  if (auto violations = validate_schema(schema->second, json, &schemas); !violations.empty()) {
    return fail(where(violations.front().pointer, violations.front().message));
  }
  CommandInventory inventory{json["platform"], json["vendor"], json.value("description", ""), json.value("pager", ""), {}};
  for (std::size_t i = 0; i < json["commands"].size(); ++i) {
    const auto& c = json["commands"][i];
    RecommendedCommand command{c["canonical"], c.value("also", std::vector<std::string>{}), c["syntax"],
                               c["priority"] == "required", c["why"]};
    // Each command must be one the catalog knows, or no capture could ever satisfy it, and
    // what the operator is told to type must be that command.
    for (const auto& name : [&] { auto all = command.also; all.push_back(command.canonical); return all; }()) {
      auto known = parse::canonical_command(name);
      if (!known || known->canonical != name) {
        return fail(where(fmt::format("/commands/{}", i), fmt::format("'{}' is not a canonical command of the catalog", name)));
      }
    }
    auto typed = parse::canonical_command(command.syntax);
    if (!typed || !command.satisfied_by(typed->canonical)) {
      return fail(where(fmt::format("/commands/{}/syntax", i),
                        fmt::format("'{}' is not read as '{}'", command.syntax, command.canonical)));
    }
    inventory.commands.push_back(std::move(command));
  }
  return inventory;
}

Result<std::vector<CommandInventory>> shipped_command_inventories() {
  static const Result<std::vector<CommandInventory>> loaded = []() -> Result<std::vector<CommandInventory>> {
    std::vector<CommandInventory> out;
    for (const auto& f : embedded_rule_files("commands/")) {
      ST_TRY(auto inventory, load_command_inventory(fmt::format("rules/{}", f.path), f.text));
      out.push_back(std::move(inventory));
    }
    return out;
  }();
  return loaded;
}

}  // namespace st::rules
