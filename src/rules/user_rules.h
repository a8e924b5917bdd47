// The store's user and pack rules as the rules layer uses them: loaded and self-tested
// from their stored text, and the parser registry every ingest runs with (built-ins,
// shipped rules, then the store's rules at their precedence). The CLI and the GUI both
// call these, so an ingest parses the same way from either face.
#pragma once

#include "core/error.h"
#include "parse/parser_registry.h"
#include "rules/rule_set.h"
#include "store/database.h"
#include "store/rule_store.h"

namespace st::rules {

// `pack` for rules imported from a pack, else `user`.
parse::ParserOrigin origin_of(const store::StoredRule& stored);

// The store's current rules, loaded and self-tested. A rule that no longer loads is an
// error naming it: it was checked when saved, so the program changed under it.
Result<RuleSet> stored_rules(store::Database& db);

// Built-ins, shipped rules and the store's rules: the registry of `statetrace-cli ingest`
// and of the GUI's ingests (a template folder is added by IngestOptions::templates).
Result<parse::ParserRegistry> registry_for_ingest(store::Database& db);

}  // namespace st::rules
