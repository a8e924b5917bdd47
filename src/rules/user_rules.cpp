#include "rules/user_rules.h"

#include <fmt/format.h>

#include "rules/registry_setup.h"
#include "rules/rule_loader.h"

namespace st::rules {

parse::ParserOrigin origin_of(const store::StoredRule& stored) {
  return stored.origin == "pack" ? parse::ParserOrigin::Pack : parse::ParserOrigin::User;
}

Result<RuleSet> stored_rules(store::Database& db) {
  RuleSet set;
  ST_TRY(auto rows, store::current_rules(db));
  for (const auto& row : rows) {
    LoadOptions options;
    options.origin = origin_of(row);
    ST_TRY(auto loaded, load_rule_text(row.rule_json, fmt::format("store: {} v{}", row.rule_id, row.version), options));
    loaded.rule.version = row.version;
    set.add(std::move(loaded));
  }
  return set;
}

Result<parse::ParserRegistry> registry_for_ingest(store::Database& db) {
  ST_TRY(auto stored, stored_rules(db));
  RegistrySources sources;
  sources.extra.push_back(&stored);
  return build_registry(sources);  // entries share the rules: `stored` may go
}

}  // namespace st::rules
