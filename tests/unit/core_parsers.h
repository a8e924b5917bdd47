// The parsers the pipeline tests ingest with: the built-in C++ parsers plus the shipped rules
// that took a built-in parser's place (Cisco `show version`), so these tests keep the device
// facts they had, without the object tables of the other shipped rules (which the rule and
// corpus tests cover).
#pragma once

#include "parse/parser_registry.h"
#include "rules/rule_set.h"

namespace st::test {

inline parse::ParserRegistry core_parsers() {
  static const parse::ParserRegistry registry = [] {
    auto r = parse::ParserRegistry::with_builtins();
    auto shipped = rules::shipped_rules();
    if (!shipped) return r;  // the rule tests say why
    rules::RuleSet replacing;
    for (const auto& active : shipped->rules()) {
      if (active->rule().id == "cisco_ios/show_version") replacing.add(active->loaded);
    }
    replacing.register_into(r);
    return r;
  }();
  return registry;
}

}  // namespace st::test
