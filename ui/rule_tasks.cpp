#include "ui/rule_tasks.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <utility>

#include "insights/detection_pack.h"
#include "rules/rule_loader.h"
#include "rules/rule_pack.h"
#include "rules/safe_regex.h"
#include "store/listings.h"
#include "store/raw_reader.h"
#include "rules/user_rules.h"
#include "store/store.h"

namespace st::ui {

namespace {

Result<store::Database> open_rw(const std::filesystem::path& store_path) {
  return store::open_store(store_path, store::OpenMode::ReadWrite);
}

template <class Outcome>
Outcome failed(Outcome outcome, Error error) {
  outcome.error = std::move(error);
  return outcome;
}

// The loader keeps a rule's members sorted by name; the editor shows them in the order a
// person writes a rule: identity, what it applies to, output, the kind's own part, samples.
nlohmann::ordered_json in_reading_order(const nlohmann::ordered_json& rule) {
  static const char* const kOrder[] = {"$schema", "id", "kind", "version", "enabled", "author", "description",
                                       "applies_to", "output", "textfsm", "regex", "delimiter", "jsonpath", "samples"};
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const char* key : kOrder) {
    if (auto it = rule.find(key); it != rule.end()) out[key] = *it;
  }
  for (auto it = rule.begin(); it != rule.end(); ++it) {
    if (!out.contains(it.key())) out[it.key()] = it.value();
  }
  return out;
}

}  // namespace

RuleCatalog load_rule_catalog(const std::filesystem::path& store_path) {
  RuleCatalog catalog;
  auto db = open_rw(store_path);
  if (!db) return failed(std::move(catalog), std::move(db).error());
  auto set = rules::known_rules(&*db);
  if (!set) return failed(std::move(catalog), std::move(set).error());
  std::vector<RuleListRow> rows;
  for (const auto& active : set->rules()) {
    const auto& rule = active->rule();
    auto json = rules::with_inlined_template(rule.json);
    if (!json) return failed(std::move(catalog), std::move(json).error());
    rows.push_back({rule.id, std::string(rules::to_string(rule.kind)), rule.version, rule.json.value("enabled", true),
                    std::string(parse::to_string(rule.origin)), in_reading_order(*json).dump(2)});
  }
  catalog.rules = std::make_shared<const std::vector<RuleListRow>>(std::move(rows));
  return catalog;
}

RuleHistory load_rule_history(const std::filesystem::path& store_path, std::string rule_id) {
  RuleHistory history;
  history.rule_id = std::move(rule_id);
  auto db = open_rw(store_path);
  if (!db) return failed(std::move(history), std::move(db).error());
  auto rows = store::rule_history(*db, history.rule_id);
  if (!rows) return failed(std::move(history), std::move(rows).error());
  history.versions = std::make_shared<const std::vector<store::StoredRule>>(std::move(*rows));
  return history;
}

RuleChange save_rule(const std::filesystem::path& store_path, std::string rule_text) {
  RuleChange change;
  auto db = open_rw(store_path);
  if (!db) return failed(std::move(change), std::move(db).error());
  auto saved = rules::save_rule_text(*db, rule_text, "editor");
  if (!saved) return failed(std::move(change), std::move(saved).error());
  change.rule_id = saved->rule_id;
  change.version = saved->version;
  change.message = saved->unchanged ? fmt::format("{} is unchanged (version {})", saved->rule_id, saved->version)
                                    : fmt::format("saved {} version {}", saved->rule_id, saved->version);
  return change;
}

RuleChange rollback_rule(const std::filesystem::path& store_path, std::string rule_id, std::int64_t version) {
  RuleChange change;
  change.rule_id = std::move(rule_id);
  auto db = open_rw(store_path);
  if (!db) return failed(std::move(change), std::move(db).error());
  auto saved = rules::rollback_rule_checked(*db, change.rule_id, version);
  if (!saved) return failed(std::move(change), std::move(saved).error());
  change.version = *saved;
  change.message = fmt::format("{}: version {} restored as version {}", change.rule_id, version, *saved);
  return change;
}

RuleChange import_rule_pack(const std::filesystem::path& store_path, std::filesystem::path pack, bool replace) {
  RuleChange change;
  std::ifstream in(pack, std::ios::binary);
  if (!in) return failed(std::move(change), Error{ErrorKind::NotFound, "cannot read the pack", pack.string(), {}, {}, {}});
  std::ostringstream text;
  text << in.rdbuf();
  auto db = open_rw(store_path);
  if (!db) return failed(std::move(change), std::move(db).error());
  // Detection rules travel in the same packs (`statetrace-cli rules export`): imported in the
  // pack's transaction, as `parsers import` does.
  auto report = rules::import_pack_text(*db, text.str(), pack.string(), replace, insights::import_detection_rules);
  if (!report) return failed(std::move(change), std::move(report).error());
  if (!report->written) {
    std::string ids;
    for (const auto& c : report->conflicts) ids += (ids.empty() ? "" : ", ") + c.rule_id;
    return failed(std::move(change),
                  Error{ErrorKind::InputRefused,
                        fmt::format("{} rule(s) differ from the stored ones: {}", report->conflicts.size(), ids),
                        pack.string(), {}, {}, "nothing was imported; import again and choose Replace"});
  }
  change.message = fmt::format("pack {}: {} imported, {} unchanged, {} replaced", report->pack, report->imported.size(),
                               report->unchanged.size(), report->conflicts.size());
  if (!report->detection_imported.empty())
    change.message += fmt::format("; {} detection rule(s)", report->detection_imported.size());
  return change;
}

RuleChange export_rule_pack(const std::filesystem::path& store_path, std::vector<std::string> rule_ids,
                            std::filesystem::path pack) {
  RuleChange change;
  auto db = open_rw(store_path);
  if (!db) return failed(std::move(change), std::move(db).error());
  auto set = rules::known_rules(&*db);
  if (!set) return failed(std::move(change), std::move(set).error());
  std::vector<nlohmann::ordered_json> picked;
  for (const auto& id : rule_ids) {
    auto active = set->find(id);
    if (!active) return failed(std::move(change), Error{ErrorKind::NotFound, fmt::format("no rule '{}'", id), {}, {}, {}, {}});
    auto json = rules::with_inlined_template(active->rule().json);
    if (!json) return failed(std::move(change), std::move(json).error());
    picked.push_back(std::move(*json));
  }
  if (picked.empty()) return failed(std::move(change), Error{ErrorKind::Usage, "no rules to export", {}, {}, {}, {}});
  const auto doc = rules::export_pack(rules::PackInfo{pack.stem().string(), "1", "", ""}, picked);
  std::ofstream out(pack, std::ios::binary);
  out << doc.dump(2) << '\n';
  if (!out) return failed(std::move(change), Error{ErrorKind::Io, "cannot write the pack", pack.string(), {}, {}, {}});
  change.message = fmt::format("exported {} rule(s) to {}", picked.size(), pack.string());
  return change;
}

StoredSamples find_stored_samples(const std::filesystem::path& store_path, std::string rule_text, std::size_t limit) {
  StoredSamples found;
  found.rule_text = std::move(rule_text);
  found.samples = std::make_shared<const std::vector<StoredSample>>();
  rules::LoadOptions options;
  options.self_test = false;
  auto loaded = rules::load_rule_text(found.rule_text, "editor", options);
  if (!loaded) return found;  // the editor shows why; no stored samples meanwhile
  std::vector<std::pair<std::string, std::optional<rules::SafeRegex>>> commands;
  for (const auto& a : loaded->rule.applies_to) {
    if (!a.command.empty()) commands.emplace_back(a.command, std::nullopt);
    if (!a.command_regex.empty()) {
      if (auto re = rules::SafeRegex::compile("\\A(?:" + a.command_regex + ")\\z", rules::Budget{})) {
        commands.emplace_back(std::string(), std::move(*re));
      }
    }
  }
  auto db = store::open_store(store_path, store::OpenMode::ReadOnly);
  if (!db) return failed(std::move(found), std::move(db).error());
  auto sections = store::list_sections(*db, store::ListingFilter{});
  if (!sections) return failed(std::move(found), std::move(sections).error());
  std::vector<StoredSample> samples;
  for (const auto& section : *sections) {
    const std::string& command = section.canonical_command ? *section.canonical_command : section.command;
    bool applies = false;
    for (const auto& [exact, re] : commands) {
      rules::StopReason stopped = rules::StopReason::None;
      applies = applies || (re ? re->matches(command, stopped) : exact == command);
    }
    if (!applies) continue;
    samples.push_back({fmt::format("{} · {} · run {}", section.device.value_or("?"), section.command, section.run.value),
                       section.run, section.source.file, ByteRange{section.source.offset, section.source.length}});
    if (samples.size() >= limit) break;
  }
  found.samples = std::make_shared<const std::vector<StoredSample>>(std::move(samples));
  return found;
}

SampleText read_stored_sample(const std::filesystem::path& store_path, const StoredSample& sample) {
  SampleText out;
  auto db = store::open_store(store_path, store::OpenMode::ReadOnly);
  if (!db) return failed(std::move(out), std::move(db).error());
  auto bytes = store::read_raw(*db, sample.run, sample.file, sample.range);
  if (!bytes) return failed(std::move(out), std::move(bytes).error());
  const auto newline = bytes->find('\n');
  out.text = newline == std::string::npos ? std::string() : bytes->substr(newline + 1);
  return out;
}

}  // namespace st::ui
