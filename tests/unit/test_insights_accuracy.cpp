// Detection accuracy floors (issue #7, "Measures"): on one small generated fleet (fixed seed)
// every mapped rule keeps at least the precision and recall the shipped rules reach today
// against the manifest, and on the shared syslog corpus every theme keeps its recall and
// precision (skipped with a WARN when the corpus is absent). Floors may only be raised; the
// full figures and the reasons behind the misses come from statetrace_insights_bench.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <set>

#include "../accuracy/accuracy_ingest.h"
#include "../accuracy/corpus_scoring.h"
#include "../accuracy/run_scoring.h"
#include "generate/generator.h"
#include "store/store.h"
#include "test_support.h"

using namespace st;

namespace {

struct Floor {
  double precision, recall;
};

// Ingests every run of a generated fleet into one store and scores each run against the
// manifest: cards per rule, and clusters per pattern into `patterns` when given.
accuracy::RunScore score_generated_fleet(const test::TempDir& dir, int devices, int runs, std::uint64_t seed,
                                         accuracy::TallyByRule* patterns = nullptr) {
  generate::GenerateOptions gen;
  gen.out_dir = dir / "generated";
  gen.devices = devices;
  gen.runs = runs;
  gen.seed = seed;
  gen.profile = generate::Profile::Full;
  auto generated = generate::generate(gen);
  INFO((generated ? "" : generated.error().describe()));
  REQUIRE(generated);
  std::ifstream in(gen.out_dir / "manifest.json");
  const auto items = accuracy::items_from_manifest(nlohmann::json::parse(in));
  auto db = store::open_store(dir / "store.sqlite", store::OpenMode::ReadWrite);
  REQUIRE(db);
  accuracy::RunScore score;
  for (int run = 1; run <= runs; ++run) {
    auto summary = accuracy::ingest_folder(*db, gen.out_dir / fmt::format("run-{}", run));
    INFO((summary ? "" : summary.error().describe()));
    REQUIRE(summary);
    insights::InsightQuery q;
    q.run = summary->run;
    auto rows = insights::list_insights(*db, q);
    REQUIRE(rows);
    accuracy::merge_into(score, accuracy::score_run(*rows, items, run));
    if (patterns) {
      auto clusters = insights::list_clusters(*db, summary->run);
      REQUIRE(clusters);
      for (const auto& [pattern, t] : accuracy::score_clusters(*clusters, items, run)) (*patterns)[pattern] += t;
    }
  }
  return score;
}

}  // namespace

TEST_CASE("insights accuracy: a generated fleet keeps every mapped rule's precision and recall floors",
          "[insights][accuracy]") {
  // Measured with the shipped rules (seed 11, 12 devices, 2 runs, full profile): every mapped
  // rule finds every item of its kinds and nothing else (statetrace_insights_bench lists misses).
  static const std::map<std::string, Floor> floors = {
      {"auth-failures", {1.0, 1.0}},
      {"auth-template-incomplete", {1.0, 1.0}},
      {"err-disable-events", {1.0, 1.0}},
      {"err-disabled-ports", {1.0, 1.0}},
      {"open-access-ports", {1.0, 1.0}},
      {"poe-fault", {1.0, 1.0}},
      {"port-flapping", {1.0, 1.0}},
      {"power-supply-failure", {1.0, 1.0}},
      {"power-supply-status", {1.0, 1.0}},
      {"stp-root-change", {1.0, 1.0}},
      {"stp-topology-change", {1.0, 1.0}},
  };
  test::TempDir dir;
  accuracy::TallyByRule patterns;
  const auto score = score_generated_fleet(dir, 12, 2, 11, &patterns);
  const auto mapped = accuracy::only_rules(score.by_rule, true);
  // The fleet must exercise every floored rule, and every rule it exercises needs a floor.
  std::set<std::string> exercised, floored;
  for (const auto& [rule, t] : mapped)
    if (t.tp + t.fn > 0) exercised.insert(rule);
  for (const auto& [rule, f] : floors) floored.insert(rule);
  CHECK(exercised == floored);
  for (const auto& [rule, floor] : floors) {
    const auto it = mapped.find(rule);
    REQUIRE(it != mapped.end());
    const auto& t = it->second;
    INFO(fmt::format("{}: TP {} FP {} FN {} precision {:.3f} recall {:.3f}", rule, t.tp, t.fp, t.fn, t.precision(),
                     t.recall()));
    CHECK(it->second.precision() >= floor.precision);
    CHECK(it->second.recall() >= floor.recall);
  }
  // Every card of every rule, mapped or not, against the manifest: false positives under 10%
  // (the target; measured 0).
  accuracy::Tally all;
  for (const auto& [rule, t] : score.by_rule) all += t;
  INFO(fmt::format("all rules: TP {} FP {} FN {}", all.tp, all.fp, all.fn));
  CHECK(all.tp > 0);
  CHECK(all.precision() >= 0.9);
  // The generator's incident sequences (power_failure_sequence, stp_storm, stack_flap_storm,
  // upstream_outage) each become one cluster of their pattern, and no other cluster forms (measured: all found, none extra).
  accuracy::Tally clusters;
  for (const auto& [pattern, t] : patterns) {
    INFO(fmt::format("{}: TP {} FP {} FN {}", pattern, t.tp, t.fp, t.fn));
    CHECK(t.fp == 0);
    CHECK(t.fn == 0);
    clusters += t;
  }
  CHECK(clusters.tp > 0);
}

TEST_CASE("insights accuracy: the syslog corpus themes keep their recall and precision floors", "[insights][accuracy]") {
  auto corpus = accuracy::corpus_dir(STATETRACE_DEFAULT_CORPUS);
  if (!corpus) {
    WARN("SKIPPED: no syslog corpus (set STATETRACE_CORPUS; the default " STATETRACE_DEFAULT_CORPUS " has no syslog/)");
    return;
  }
  // Per theme: at least this many lines used as evidence by a card of the theme's rules, and at
  // most this many of those rules' cards on other themes' or clean captures; first with the
  // lines as they are, then with a timestamp given to lines that have none (a line with no time
  // cannot count toward a windowed rule such as port-flapping's). Measured with the shipped
  // rules (95.8% of 335 lines in both passes); the bench lists every line missed.
  struct ThemeFloor {
    std::size_t min_detected, max_false_alarms;
  };
  static const std::map<std::string, ThemeFloor> as_is = {
      {"auth_failures", {40, 0}}, {"environment", {94, 0}}, {"err_disable", {27, 0}}, {"link_flaps", {89, 0}},
      {"mac_l2", {12, 0}},       {"power_poe", {27, 0}},   {"stp_changes", {32, 0}},
  };
  static const std::map<std::string, ThemeFloor> timestamped = as_is;
  for (const bool add_timestamps : {false, true}) {
    const auto& floors = add_timestamps ? timestamped : as_is;
    test::TempDir dir;
    const auto captures = accuracy::build_corpus_captures(*corpus, add_timestamps);
    REQUIRE(captures.size() > 300);
    const auto bundle = dir / "run-1";
    for (const auto& c : captures) test::write_file(bundle / c.file_name, c.text);
    auto db = store::open_store(dir / "store.sqlite", store::OpenMode::ReadWrite);
    REQUIRE(db);
    auto summary = accuracy::ingest_folder(*db, bundle);
    REQUIRE(summary);
    insights::InsightQuery q;
    q.run = summary->run;
    auto rows = insights::list_insights(*db, q);
    REQUIRE(rows);
    const auto score = accuracy::score_corpus(*rows, captures);
    for (const auto& [theme, floor] : floors) {
      INFO(fmt::format("{} ({})", theme, add_timestamps ? "timestamped" : "as is"));
      const auto& ts = score.by_theme.at(theme);
      INFO(fmt::format("lines {} detected {} recall {:.3f}; cards {} on theme, {} elsewhere", ts.lines, ts.detected,
                       ts.recall(), ts.findings_on_theme, ts.findings_elsewhere));
      CHECK(ts.lines > 0);
      CHECK(ts.detected >= floor.min_detected);
      CHECK(ts.findings_elsewhere <= floor.max_false_alarms);
    }
  }
}
