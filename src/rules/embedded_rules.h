// The rules layer's shipped files, embedded at build time by cmake/EmbedRules.cmake:
// rules/schemas, parsers, templates, commands, compliance, detect and patterns (paths relative to
// rules/), and runbooks/*.md (paths "runbooks/NAME.md").
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "rules/json_schema.h"

namespace st::rules {

struct EmbeddedRuleFile {
  std::string_view path;  // relative to rules/: "parsers/cisco_ios_show_clock.json"
  std::string_view text;
};

std::optional<std::string_view> embedded_rule_file(std::string_view path);
std::vector<EmbeddedRuleFile> embedded_rule_files(std::string_view folder);  // "parsers/"

// Every schema in rules/schemas/, parsed once, by file name ("regex.schema.json").
const SchemaSet& rule_schemas();

}  // namespace st::rules
