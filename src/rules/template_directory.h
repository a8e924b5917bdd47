// An ntc-templates-style folder (an `index` plus *.textfsm) as one catch-all registry
// entry: every (platform, command) its index covers is parsed with clitable semantics
// (several templates on one row are merged on their Key values) and the records go to
// the generic `records` table, keyed by the templates' Value names. It answers only for
// commands that no rule or built-in parser takes, so normalized tables keep their parsers;
// to replace one, write a rule (which may name a template). Templates compile on first use.
#pragma once

#include <filesystem>

#include "core/error.h"
#include "parse/parser_registry.h"

namespace st::rules {

// Checks that DIR is a folder whose `index` reads and parses (what registering it needs
// first); the error names the index file and its line. The settings of the GUI call it.
Result<void> check_template_directory(const std::filesystem::path& dir);

// Loads DIR/index (errors name the index file and line) and registers the entry.
Result<void> register_template_directory(parse::ParserRegistry& registry, const std::filesystem::path& dir);

}  // namespace st::rules
