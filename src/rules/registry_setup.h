// The registry an ingest uses: built-in C++ parsers, then shipped rules (rules/parsers/,
// embedded), pack and user rules, then an optional template folder as a catch-all.
// Precedence is the registry's: user > pack > shipped > built-in (ARCHITECTURE.md).
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "core/error.h"
#include "parse/parser_registry.h"
#include "rules/rule_set.h"

namespace st::rules {

struct RegistrySources {
  bool shipped = true;                           // rules/parsers/*.json compiled into the binary
  std::vector<const RuleSet*> extra;             // pack and user rules (origins as loaded)
  std::optional<std::filesystem::path> templates;  // an ntc-style folder with an `index`
};

Result<parse::ParserRegistry> build_registry(const RegistrySources& sources);

}  // namespace st::rules
