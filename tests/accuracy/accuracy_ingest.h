// Ingest as `statetrace-cli ingest` does, in process: built-in parsers plus every shipped parser
// rule (detection reads the whole model), the shipped detection rules in force.
#pragma once

#include <filesystem>

#include "ingest/ingest_pipeline.h"
#include "parse/parser_registry.h"
#include "rules/rule_set.h"
#include "store/database.h"

namespace st::accuracy {

inline const parse::ParserRegistry& full_registry() {
  static const parse::ParserRegistry registry = [] {
    auto r = parse::ParserRegistry::with_builtins();
    if (auto shipped = rules::shipped_rules()) shipped->register_into(r);
    return r;
  }();
  return registry;
}

inline Result<ingest::IngestSummary> ingest_folder(store::Database& db, const std::filesystem::path& folder,
                                                   bool detect = true) {
  ingest::IngestOptions options;
  options.bundle = folder;
  options.detect = detect;
  return ingest::ingest_bundle(db, full_registry(), options);
}

}  // namespace st::accuracy
