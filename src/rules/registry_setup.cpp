#include "rules/registry_setup.h"

#include "rules/template_directory.h"

namespace st::rules {

Result<parse::ParserRegistry> build_registry(const RegistrySources& sources) {
  parse::ParserRegistry registry = parse::ParserRegistry::with_builtins();
  if (sources.shipped) {
    // Loaded and self-tested once per process: the rules are part of the binary.
    static const Result<RuleSet> shipped = shipped_rules();
    if (!shipped) return fail(shipped.error());
    shipped->register_into(registry);
  }
  for (const RuleSet* set : sources.extra) set->register_into(registry);
  if (sources.templates) ST_CHECK(register_template_directory(registry, *sources.templates));
  return registry;
}

}  // namespace st::rules
