// Detection rules (src/insights/): every shipped rule loads and its embedded samples give
// exactly their expected findings when ingested through the whole pipeline into a real store;
// bad rules are refused naming the file, the rule and the field; parameters, the enabled
// flag, false-positive marks and suppressions do what an operator expects.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "ingest/ingest_pipeline.h"
#include "insights/detection_store.h"
#include "insights/insight_listing.h"
#include "insights/rule_set.h"
#include "insights/runbook_library.h"
#include "rules/rule_set.h"
#include "store/raw_reader.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;

namespace {

// Built-in parsers and every shipped parser rule: detection reads the whole model.
const parse::ParserRegistry& full_registry() {
  static const parse::ParserRegistry registry = [] {
    auto r = parse::ParserRegistry::with_builtins();
    if (auto shipped = rules::shipped_rules()) shipped->register_into(r);
    return r;
  }();
  return registry;
}

struct SampleStore {
  std::unique_ptr<test::TempDir> dir;
  store::Database db;
  RunId last;
};

// Ingests each capture as one run (folder run-N) with `rules` as the detection rules.
SampleStore ingest_runs(const std::vector<std::string>& runs, std::shared_ptr<const insights::CompiledRules> rules,
                        const std::string& host = "NYC-B2-ACC-07") {
  auto dir = std::make_unique<test::TempDir>();
  auto db = store::open_store(*dir / "store.sqlite", store::OpenMode::ReadWrite);
  REQUIRE(db);
  RunId last{0};
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto folder = *dir / fmt::format("run-{}", i + 1);
    test::write_file(folder / (host + ".log"), runs[i]);
    ingest::IngestOptions options;
    options.bundle = folder;
    options.detection = rules;
    auto summary = ingest::ingest_bundle(*db, full_registry(), options);
    INFO((summary ? "" : summary.error().describe()));
    REQUIRE(summary);
    last = summary->run;
  }
  return SampleStore{std::move(dir), std::move(*db), last};
}

// One run holding one capture per device (hostname -> capture), as a pattern's sample is.
SampleStore ingest_devices(const std::map<std::string, std::string>& devices,
                           std::shared_ptr<const insights::CompiledRules> rules) {
  auto dir = std::make_unique<test::TempDir>();
  for (const auto& [host, capture] : devices) test::write_file(*dir / "bundle" / (host + ".log"), capture);
  auto db = store::open_store(*dir / "store.sqlite", store::OpenMode::ReadWrite);
  REQUIRE(db);
  ingest::IngestOptions options;
  options.bundle = *dir / "bundle";
  options.detection = std::move(rules);
  auto summary = ingest::ingest_bundle(*db, full_registry(), options);
  REQUIRE(summary);
  return SampleStore{std::move(dir), std::move(*db), summary->run};
}

std::shared_ptr<const insights::CompiledRules> only(const insights::DetectionRuleSet& set, const std::string& id) {
  auto compiled = insights::CompiledRules::compile(set, id);
  REQUIRE(compiled);
  return *compiled;
}

std::string describe(const insights::InsightRow& r) {
  std::string objects;
  for (const auto& o : r.objects) objects += (objects.empty() ? "" : ",") + o;
  return fmt::format("{} [{}] evidence={}", r.device, objects, r.evidence_count);
}

}  // namespace

TEST_CASE("detection: every shipped rule loads, names a signature and carries samples", "[insights]") {
  auto set = insights::DetectionRuleSet::shipped();
  REQUIRE(set);
  CHECK(set->rules().size() >= 20);
  std::set<std::string> signatures;
  for (const auto& rule : set->rules()) {
    INFO(rule.id);
    CHECK_FALSE(rule.samples.empty());
    CHECK_FALSE(rule.description.empty());
    signatures.insert(rule.signature);
  }
  // The issue's minimum pack: flapping, auth failures, missing templates, shutdowns,
  // err-disable, STP changes and root changes, power and PoE, optics, duplex, CRC, reloads,
  // VLAN removed in use.
  for (const char* s : {"port-flapping", "auth-failures", "missing-auth-template", "unexpected-shutdown", "err-disable",
                        "stp-topology-change", "stp-root-change", "power-supply-failure", "poe-fault", "optics-alarm",
                        "duplex-mismatch", "crc-errors-growing", "device-reload", "vlan-removed-in-use"}) {
    INFO(s);
    CHECK(signatures.contains(s));
  }
}

TEST_CASE("detection: each shipped rule's samples give exactly their expected findings", "[insights]") {
  auto set = insights::DetectionRuleSet::shipped();
  REQUIRE(set);
  std::size_t samples = 0;
  for (const auto& rule : set->rules()) {
    for (const auto& sample : rule.samples) {
      INFO("rule " << rule.id << ", sample '" << sample.name << "'");
      auto s = ingest_runs(sample.runs, only(*set, rule.id));
      insights::InsightQuery q;
      q.run = s.last;
      auto rows = insights::list_insights(s.db, q);
      REQUIRE(rows);
      std::string got;
      for (const auto& r : *rows) got += describe(r) + "\n";
      INFO("found:\n" << got);
      REQUIRE(rows->size() == sample.expected.size());
      for (const auto& want : sample.expected) {
        auto hit = std::find_if(rows->begin(), rows->end(), [&](const insights::InsightRow& r) {
          return r.device == want.device && (!want.objects || r.objects == *want.objects) &&
                 (!want.evidence_count || r.evidence_count == *want.evidence_count);
        });
        CHECK(hit != rows->end());
      }
      for (const auto& r : *rows) {
        CHECK(r.rule == rule.id);
        CHECK(r.signature == rule.signature);
        CHECK_FALSE(r.summary.empty());
        CHECK(r.summary.find('{') == std::string::npos);  // every placeholder filled
      }
      ++samples;
    }
  }
  CHECK(samples >= 25);
}

TEST_CASE("detection: evidence points at the exact raw log lines", "[insights]") {
  auto set = insights::DetectionRuleSet::shipped();
  REQUIRE(set);
  const auto* rule = set->find("port-flapping");
  REQUIRE(rule);
  auto s = ingest_runs(rule->samples.front().runs, only(*set, "port-flapping"));
  insights::InsightQuery q;
  q.run = s.last;
  auto rows = insights::list_insights(s.db, q);
  REQUIRE(rows);
  REQUIRE(rows->size() == 1);
  const auto& card = rows->front();
  REQUIRE(card.evidence.size() == 6);
  for (const auto& e : card.evidence) {
    CHECK_THAT(e.text, Catch::Contains("%LINK-3-UPDOWN: Interface GigabitEthernet1/0/12"));
    auto bytes = store::read_raw(s.db, s.last, e.source.file, {e.source.offset, e.source.length});
    REQUIRE(bytes);
    CHECK(bytes->starts_with(e.text));
  }
  CHECK(card.first_seen == "2026-11-25T10:01:05.100Z");
  CHECK(card.last_seen == "2026-11-25T10:05:09.400Z");
  CHECK(card.severity == insights::Severity::Warning);
  CHECK(card.summary == "1 interface(s) changed link state up to 6 times within 10 minutes: Gi1/0/12");
}

TEST_CASE("detection: a bad rule is refused naming the file, the rule and the field", "[insights]") {
  const std::string head = R"({"id": "lab-rule", "version": 1, "title": "Lab", "severity": "warning", "signature": "lab",
                               "description": "a rule under test", )";
  auto unknown_kind = insights::load_detection_rule_text(head + R"("when": {"events": {"kinds": ["link_wobble"]}}})", "lab.json");
  REQUIRE_FALSE(unknown_kind);
  CHECK(unknown_kind.error().file == "lab.json");
  CHECK_THAT(unknown_kind.error().message, Catch::Contains("lab-rule") && Catch::Contains("/when/events/kinds/0") &&
                                               Catch::Contains("link_wobble"));

  auto bad_severity = insights::load_detection_rule_text(
      R"({"id": "lab-rule", "version": 1, "title": "Lab", "severity": "urgent", "signature": "lab", "description": "x",
          "when": {"metric": {"name": "Reloads", "op": "gte", "value": 1}}})", "lab.json");
  REQUIRE_FALSE(bad_severity);
  CHECK_THAT(bad_severity.error().message, Catch::Contains("/severity"));

  auto missing_param = insights::load_detection_rule_text(
      head + R"("when": {"events": {"kinds": ["link_down"], "min_count": "$threshold"}}})", "lab.json");
  REQUIRE_FALSE(missing_param);
  CHECK_THAT(missing_param.error().message, Catch::Contains("/when/events/min_count") && Catch::Contains("threshold"));

  auto bad_regex = insights::load_detection_rule_text(
      head + R"("when": {"objects": {"kind": "interface", "where": [{"field": "status", "op": "matches", "value": "(err"}]}}})",
      "lab.json");
  REQUIRE_FALSE(bad_regex);
  CHECK_THAT(bad_regex.error().message, Catch::Contains("/when/objects/where/0/value"));

  auto bad_field = insights::load_detection_rule_text(
      head + R"("when": {"objects": {"kind": "interface", "where": [{"field": "colour", "op": "present"}]}}})", "lab.json");
  REQUIRE_FALSE(bad_field);
  CHECK_THAT(bad_field.error().message, Catch::Contains("no field 'colour'"));

  auto two_conditions = insights::load_detection_rule_text(
      head + R"("when": {"metric": {"name": "Reloads", "op": "gte", "value": 1}, "sections": {"status": "unknown"}}})",
      "lab.json");
  REQUIRE_FALSE(two_conditions);
  CHECK_THAT(two_conditions.error().message, Catch::Contains("/when"));

  auto not_json = insights::load_detection_rule_text("{\"id\": ", "lab.json");
  REQUIRE_FALSE(not_json);
  CHECK(not_json.error().file == "lab.json");
}

TEST_CASE("detection: thresholds, the enabled flag, false positives and suppressions", "[insights]") {
  auto shipped = insights::DetectionRuleSet::shipped();
  REQUIRE(shipped);
  const auto& flap_runs = shipped->find("port-flapping")->samples.front().runs;
  test::TempDir dir;
  auto db = store::open_store(dir / "store.sqlite", store::OpenMode::ReadWrite);
  REQUIRE(db);
  // Each run a day later, so its log lines are new (older ones were reported by the run before).
  int day = 24;
  auto ingest_with_store_rules = [&](const std::string& folder) {
    std::string capture = flap_runs.front();
    const std::string date = fmt::format("Nov {}", ++day);
    for (auto at = capture.find("Nov 25"); at != std::string::npos; at = capture.find("Nov 25", at + 1)) {
      capture.replace(at, 6, date);
    }
    test::write_file(dir / folder / "NYC-B2-ACC-07.log", capture);
    ingest::IngestOptions options;
    options.bundle = dir / folder;
    options.force = true;
    auto summary = ingest::ingest_bundle(*db, full_registry(), options);
    REQUIRE(summary);
    insights::InsightQuery q;
    q.run = summary->run;
    auto rows = insights::list_insights(*db, q);
    REQUIRE(rows);
    std::vector<insights::InsightRow> flaps;
    for (auto& r : *rows) {
      if (r.rule == "port-flapping") flaps.push_back(std::move(r));
    }
    return flaps;
  };

  auto first = ingest_with_store_rules("run-1");
  REQUIRE(first.size() == 1);

  SECTION("a raised threshold stops the finding, the default brings it back") {
    REQUIRE(insights::set_rule_param(*db, "port-flapping", "min_transitions", 7));
    CHECK(ingest_with_store_rules("run-2").empty());
    REQUIRE(insights::set_rule_param(*db, "port-flapping", "min_transitions", 5));
    CHECK(ingest_with_store_rules("run-3").size() == 1);
    auto bad = insights::set_rule_param(*db, "port-flapping", "no_such_param", 5);
    REQUIRE(bad);  // stored, but the rule set reports it instead of using it
    auto set = insights::DetectionRuleSet::load(*db);
    REQUIRE(set);
    REQUIRE(set->problems().size() == 1);
    CHECK_THAT(set->problems().front().message, Catch::Contains("no_such_param"));
  }
  SECTION("a disabled rule raises nothing") {
    REQUIRE(insights::set_rule_enabled(*db, "port-flapping", false));
    CHECK(ingest_with_store_rules("run-2").empty());
    REQUIRE(insights::set_rule_enabled(*db, "port-flapping", true));
    CHECK(ingest_with_store_rules("run-3").size() == 1);
  }
  SECTION("a false positive stays marked on the same finding in later runs") {
    REQUIRE(insights::mark_false_positive(*db, first.front().id, "lab port, flapping on purpose"));
    auto later = ingest_with_store_rules("run-2");
    REQUIRE(later.size() == 1);
    CHECK(later.front().false_positive);
    CHECK(later.front().feedback_note == "lab port, flapping on purpose");
    REQUIRE(insights::clear_feedback(*db, later.front().id));
    insights::InsightQuery q;
    q.id = later.front().id;
    q.run = later.front().run;
    auto again = insights::list_insights(*db, q);
    REQUIRE(again);
    REQUIRE(again->size() == 1);
    CHECK_FALSE(again->front().false_positive);
  }
  SECTION("a maintenance window silences the device's findings and says so") {
    insights::Suppression s;
    s.site = "NYC";
    s.device = "NYC-B2-ACC-07";
    s.starts_at = "2026-11-26T09:00:00Z";
    s.ends_at = "2026-11-26T12:00:00Z";
    s.reason = "CHG0042 cabling work";
    REQUIRE(insights::add_suppression(*db, s));
    auto later = ingest_with_store_rules("run-2");
    REQUIRE(later.size() == 1);
    CHECK(later.front().suppression);
    CHECK(later.front().suppression_reason == "CHG0042 cabling work");
    insights::Suppression outside = s;
    outside.starts_at = "2026-11-26T00:00:00Z";
    outside.ends_at = "2026-11-25T00:00:00Z";
    CHECK_FALSE(insights::add_suppression(*db, outside));  // ends before it starts
  }
}

TEST_CASE("clusters: each shipped pattern's samples give exactly their expected clusters", "[insights]") {
  auto set = insights::DetectionRuleSet::shipped();
  REQUIRE(set);
  REQUIRE(set->patterns().size() >= 4);
  auto compiled = insights::CompiledRules::compile(*set);
  REQUIRE(compiled);
  for (const auto& pattern : set->patterns()) {
    for (const auto& sample : pattern.samples) {
      INFO("pattern " << pattern.id << ", sample '" << sample.name << "'");
      auto s = ingest_devices(sample.devices, *compiled);
      auto clusters = insights::list_clusters(s.db, s.last);
      REQUIRE(clusters);
      std::vector<std::vector<std::string>> mine;
      for (const auto& c : *clusters) {
        if (c.pattern == pattern.id) mine.push_back(c.devices);
      }
      CHECK(mine == sample.expected);
      for (const auto& c : *clusters) {
        if (c.pattern != pattern.id) continue;
        CHECK(c.summary.find('{') == std::string::npos);
        CHECK(c.first_seen <= c.last_seen);
      }
    }
  }
}

TEST_CASE("clusters: a power failure sequence groups the cards it explains", "[insights]") {
  auto set = insights::DetectionRuleSet::shipped();
  REQUIRE(set);
  auto compiled = insights::CompiledRules::compile(*set);
  REQUIRE(compiled);
  const auto* pattern = &*std::find_if(set->patterns().begin(), set->patterns().end(),
                                       [](const auto& p) { return p.id == "power-failure-sequence"; });
  auto s = ingest_devices(pattern->samples.front().devices, *compiled);
  auto clusters = insights::list_clusters(s.db, s.last);
  REQUIRE(clusters);
  auto power = std::find_if(clusters->begin(), clusters->end(), [](const auto& c) { return c.pattern == "power-failure-sequence"; });
  REQUIRE(power != clusters->end());
  insights::InsightQuery q;
  q.run = s.last;
  auto cards = insights::list_insights(s.db, q);
  REQUIRE(cards);
  std::set<std::string> grouped;
  for (const auto& card : *cards) {
    if (card.cluster == power->id) grouped.insert(card.rule);
  }
  // The supply's failure and the PoE denials are the same incident; the cluster holds them.
  CHECK(grouped.contains("power-supply-failure"));
  CHECK(grouped.contains("poe-fault"));
  CHECK(power->insights.size() == grouped.size());
  CHECK_FALSE(power->evidence.empty());
}

TEST_CASE("detection: every rule's and pattern's signature has a runbook", "[insights]") {
  auto set = insights::DetectionRuleSet::shipped();
  REQUIRE(set);
  auto library = insights::RunbookLibrary::shipped();
  REQUIRE(library);
  for (const auto& rule : set->rules()) {
    INFO("rule " << rule.id << " signature " << rule.signature);
    CHECK((*library)->find(rule.signature) != nullptr);
  }
  for (const auto& pattern : set->patterns()) {
    INFO("pattern " << pattern.id << " signature " << pattern.signature);
    CHECK((*library)->find(pattern.signature) != nullptr);
  }
  CHECK((*library)->runbooks().size() >= 20);
}
