// Detection rules written into a rule pack (insights::detection_rules_for_pack): which rules
// are picked, the store's thresholds carried in "params", and the pack read back into another
// store by the import every pack goes through (rules::import_pack_text).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "insights/detection_pack.h"
#include "insights/detection_store.h"
#include "insights/rule_set.h"
#include "rules/rule_pack.h"
#include "rules/user_rules.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;

namespace {

// A user rule made from the shipped port-flapping rule under another id.
insights::DetectionRule lab_rule(const insights::DetectionRuleSet& set) {
  auto body = set.find("port-flapping")->body;
  body["id"] = "lab-flapping";
  body["title"] = "Lab ports that flap";
  auto rule = insights::load_detection_rule(body, "test");
  REQUIRE(rule);
  return *rule;
}

}  // namespace

TEST_CASE("detection pack: the picked rules carry the store's thresholds and import elsewhere", "[insights][pack]") {
  test::TempDir dir;
  auto db = store::open_store(dir / "store.sqlite", store::OpenMode::ReadWrite);
  REQUIRE(db);

  auto shipped_only = insights::DetectionRuleSet::load(*db);
  REQUIRE(shipped_only);
  // Nothing stored yet: "every pack and user rule" is nothing, said as NotFound.
  auto none = insights::detection_rules_for_pack(*shipped_only, {});
  REQUIRE_FALSE(none);
  CHECK(none.error().kind == ErrorKind::NotFound);
  auto unknown = insights::detection_rules_for_pack(*shipped_only, {"port-flapping", "no-such-rule"});
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().kind == ErrorKind::NotFound);
  CHECK_THAT(unknown.error().message, Catch::Contains("no-such-rule"));

  REQUIRE(insights::save_stored_rule(*db, lab_rule(*shipped_only), insights::RuleOrigin::User));
  REQUIRE(insights::set_rule_param(*db, "port-flapping", "min_transitions", 8));
  REQUIRE(insights::set_rule_param(*db, "lab-flapping", "window_seconds", 120.5));
  auto set = insights::DetectionRuleSet::load(*db);
  REQUIRE(set);
  const auto shipped_params = set->find("port-flapping")->body.at("params");

  // No ids: the user rule only, its tuned window written, its other threshold as written.
  auto stored = insights::detection_rules_for_pack(*set, {});
  REQUIRE(stored);
  REQUIRE(stored->size() == 1);
  CHECK(stored->front().at("id") == "lab-flapping");
  CHECK(stored->front().at("params").at("window_seconds") == 120.5);
  CHECK(stored->front().at("params").at("min_transitions") == shipped_params.at("min_transitions"));

  // A named shipped rule: its tuned threshold stays a whole number; the rule's JSON is untouched.
  auto named = insights::detection_rules_for_pack(*set, {"port-flapping"});
  REQUIRE(named);
  REQUIRE(named->size() == 1);
  const auto& flapping = named->front();
  CHECK(flapping.at("params").at("min_transitions").is_number_integer());
  CHECK(flapping.at("params").at("min_transitions") == 8);
  CHECK(flapping.at("params").at("window_seconds") == shipped_params.at("window_seconds"));
  CHECK(set->find("port-flapping")->body.at("params") == shipped_params);

  // The pack, read by another store through the import the CLI and the Rules tab use.
  const auto pack = rules::export_pack(rules::PackInfo{"tuned", "1", "", ""}, {}, {flapping, stored->front()});
  test::TempDir other_dir;
  auto other = store::open_store(other_dir / "store.sqlite", store::OpenMode::ReadWrite);
  REQUIRE(other);
  auto report = rules::import_pack_text(*other, pack.dump(2), "tuned.json", false, insights::import_detection_rules);
  REQUIRE(report);
  CHECK(report->written);
  CHECK(report->detection_imported.size() == 2);
  auto imported = insights::DetectionRuleSet::load(*other);
  REQUIRE(imported);
  const auto* there = imported->find("port-flapping");
  REQUIRE(there);
  CHECK(there->origin == insights::RuleOrigin::Pack);
  CHECK(there->params.at("min_transitions") == 8);
  const auto* lab = imported->find("lab-flapping");
  REQUIRE(lab);
  CHECK(lab->params.at("window_seconds") == 120.5);
  CHECK(lab->title == "Lab ports that flap");
}
