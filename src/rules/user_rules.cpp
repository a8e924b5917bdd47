#include "rules/user_rules.h"

#include <fmt/format.h>

#include "rules/registry_setup.h"
#include "rules/rule_loader.h"
#include "rules/rule_pack.h"
#include "store/store.h"

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

Result<RuleSet> known_rules(store::Database* db) {
  ST_TRY(auto shipped, shipped_rules(true));
  if (!db) return shipped;
  ST_TRY(auto stored, stored_rules(*db));
  for (const auto& active : shipped.rules()) {
    if (!stored.find(active->rule().id)) stored.add(active->loaded);
  }
  return stored;
}

Result<SavedRule> save_rule_text(store::Database& db, std::string_view rule_text, const std::string& source,
                                 const std::filesystem::path& template_dir, const std::string& note) {
  LoadOptions options;
  options.template_dir = template_dir;
  ST_TRY(auto loaded, load_rule_text(rule_text, source, options));
  ST_TRY(auto json, with_inlined_template(loaded.rule.json, template_dir));
  const std::string text = json.dump();
  ST_TRY(auto tx, store::Transaction::begin_immediate(db));
  ST_TRY(auto current, store::current_rule(db, loaded.rule.id));
  if (current && current->rule_json == text) return SavedRule{loaded.rule.id, current->version, true};
  ST_TRY(auto version, store::save_rule_version(db, store::RuleSave{loaded.rule.id, text, "user", {}, note}));
  ST_CHECK(tx.commit());
  return SavedRule{loaded.rule.id, version, false};
}

Result<std::int64_t> rollback_rule_checked(store::Database& db, const std::string& rule_id, std::int64_t version) {
  ST_TRY(auto tx, store::Transaction::begin_immediate(db));
  ST_TRY(auto history, store::rule_history(db, rule_id));
  for (const auto& r : history) {
    if (r.version != version) continue;
    LoadOptions options;
    options.origin = origin_of(r);
    ST_TRY(auto loaded, load_rule_text(r.rule_json, fmt::format("store: {} v{}", r.rule_id, r.version), options));
    (void)loaded;  // it must still load and pass its samples before it becomes current again
  }
  ST_TRY(auto saved, store::rollback_rule(db, rule_id, version));
  ST_CHECK(tx.commit());
  return saved;
}

Result<ImportReport> import_pack_text(store::Database& db, std::string_view pack_text, const std::string& source,
                                      bool replace, const DetectionImport& detection) {
  ST_TRY(auto pack, read_pack(pack_text, source));  // everything checked before any write
  if (!pack.detection_rules.empty() && !detection) {
    return fail(Error{ErrorKind::Usage, "the pack holds detection rules; import it with statetrace-cli rules import", source,
                      {}, {}, {}});
  }
  ImportReport report;
  report.pack = pack.info.name + "@" + pack.info.version;
  ST_TRY(auto tx, store::Transaction::begin_immediate(db));
  std::vector<std::pair<std::string, std::string>> to_save;
  for (const auto& loaded : pack.rules) {
    const std::string json = loaded.rule.json.dump();
    ST_TRY(auto current, store::current_rule(db, loaded.rule.id));
    if (current && current->rule_json == json) {
      report.unchanged.push_back(loaded.rule.id);
      continue;
    }
    if (current) report.conflicts.push_back({loaded.rule.id, current->version, current->origin, current->pack});
    to_save.emplace_back(loaded.rule.id, json);
  }
  if (!report.conflicts.empty() && !replace) return report;
  for (const auto& [id, json] : to_save) {
    ST_TRY(auto version, store::save_rule_version(db, store::RuleSave{id, json, "pack", report.pack,
                                                                        "imported from pack " + report.pack}));
    report.imported.emplace_back(id, version);
  }
  if (!pack.detection_rules.empty()) {
    ST_TRY(report.detection_imported, detection(db, pack.detection_rules, report.pack));
  }
  ST_CHECK(tx.commit());
  report.written = true;
  return report;
}

}  // namespace st::rules
