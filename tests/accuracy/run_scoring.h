// Scores the insight cards of one run against the items the capture is known to hold.
// The unit is (rule, device, object): a card naming three ports is three findings, so a card
// that is right about one port and wrong about two counts one TP and two FP. Rules that report
// a device as a whole (device_level_rule) count one unit per device.
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "../accuracy/accuracy_tally.h"
#include "../accuracy/expected_item.h"
#include "insights/insight_listing.h"

namespace st::accuracy {

struct FindingUnit {
  std::string rule, device, object;
  auto operator<=>(const FindingUnit&) const = default;
};

struct RunScore {
  TallyByRule by_rule;
  std::vector<FindingUnit> false_positives, false_negatives;
};

// Every rule some item kind maps to: the rules the manifest can judge.
inline const std::set<std::string>& mapped_rules() {
  static const std::set<std::string> rules = {
      "port-flapping", "auth-failures", "err-disable-events", "err-disabled-ports", "stp-topology-change",
      "stp-root-change", "poe-fault", "power-supply-failure", "auth-template-incomplete", "power-supply-status",
      "device-reload", "unexpected-shutdown", "open-access-ports"};
  return rules;
}

inline RunScore score_run(const std::vector<insights::InsightRow>& rows, const std::vector<ExpectedItem>& items,
                          int run, const std::set<std::string>& unscored_rules = {}) {
  auto unit_of = [](const std::string& rule, const ExpectedItem& item) {
    return FindingUnit{rule, item.device, device_level_rule(rule) ? "" : item.object};
  };
  std::map<FindingUnit, bool> expected;                     // unit -> required
  std::map<FindingUnit, std::vector<FindingUnit>> either;   // required unit -> units that also satisfy it
  for (const auto& item : items) {
    // A standing state seen again in a later run is right there, but not required.
    const bool later = standing_kind(item.kind) && item.run < run;
    if (item.run != run && !later) continue;
    for (const auto& e : rules_for(item)) {
      if (unscored_rules.contains(e.rule)) continue;
      const auto u = unit_of(e.rule, item);
      expected[u] = expected[u] || (!e.optional && !later);
      for (const auto& alt : e.or_rules) {
        expected[unit_of(alt, item)];  // optional: right if it fires
        either[u].push_back(unit_of(alt, item));
      }
    }
  }
  std::set<FindingUnit> found;
  for (const auto& r : rows) {
    if (unscored_rules.contains(r.rule)) continue;
    if (device_level_rule(r.rule) || r.objects.empty()) found.insert({r.rule, r.device, ""});
    else
      for (const auto& o : r.objects) found.insert({r.rule, r.device, o});
  }
  RunScore score;
  for (const auto& u : found) {
    if (expected.contains(u)) ++score.by_rule[u.rule].tp;
    else {
      ++score.by_rule[u.rule].fp;
      score.false_positives.push_back(u);
    }
  }
  for (const auto& [u, required] : expected) {
    score.by_rule[u.rule];  // a rule expected but silent still gets its line
    const auto alternatives = either.find(u);
    const bool by_other = alternatives != either.end() &&
                          std::ranges::any_of(alternatives->second, [&](const auto& a) { return found.contains(a); });
    if (required && !found.contains(u) && !by_other) {
      ++score.by_rule[u.rule].fn;
      score.false_negatives.push_back(u);
    }
  }
  return score;
}

// The pattern a manifest kind injects (the generator's incident sequences), or "".
inline std::string pattern_for(const std::string& kind) {
  if (kind == "power_failure_sequence") return "power-failure-sequence";
  if (kind == "stp_storm") return "stp-storm";
  if (kind == "stack_flap_storm") return "stack-flap-storm";
  if (kind == "upstream_outage") return "upstream-outage";
  return "";
}

// Clusters of run `run` against the sequences `items` inject: a cluster of the item's pattern
// naming its device (an outage's item names its lead switch) is a true positive, any other cluster a false positive, an unmatched item a
// false negative. `described` gets every cluster and every miss.
inline TallyByRule score_clusters(const std::vector<insights::ClusterRow>& clusters, const std::vector<ExpectedItem>& items,
                                  int run, std::vector<std::string>* described = nullptr) {
  std::map<std::pair<std::string, std::string>, bool> expected;  // (pattern, device) -> found
  for (const auto& item : items) {
    if (item.run != run) continue;
    if (auto p = pattern_for(item.kind); !p.empty()) expected[{p, item.device}] = false;
  }
  TallyByRule by_pattern;
  for (const auto& c : clusters) {
    bool matched = false;
    for (const auto& d : c.devices) {
      auto it = expected.find({c.pattern, d});
      if (it != expected.end() && !it->second) {
        it->second = true;
        matched = true;
        break;
      }
    }
    ++(matched ? by_pattern[c.pattern].tp : by_pattern[c.pattern].fp);
    if (described) {
      std::string devices;
      for (const auto& d : c.devices) devices += (devices.empty() ? "" : ",") + d;
      described->push_back(fmt::format("{} {} on {}: {}", matched ? "TP" : "FP", c.pattern, devices, c.summary));
    }
  }
  for (const auto& [key, found] : expected) {
    if (found) continue;
    ++by_pattern[key.first].fn;
    if (described) described->push_back(fmt::format("FN {} on {} (run {})", key.first, key.second, run));
  }
  return by_pattern;
}

inline void merge_into(RunScore& total, const RunScore& run) {
  for (const auto& [rule, tally] : run.by_rule) total.by_rule[rule] += tally;
  total.false_positives.insert(total.false_positives.end(), run.false_positives.begin(), run.false_positives.end());
  total.false_negatives.insert(total.false_negatives.end(), run.false_negatives.begin(), run.false_negatives.end());
}

// The part of a score that covers the rules the manifest can judge (or the others).
inline TallyByRule only_rules(const TallyByRule& by_rule, bool mapped) {
  TallyByRule out;
  for (const auto& [rule, tally] : by_rule)
    if (mapped_rules().contains(rule) == mapped) out[rule] = tally;
  return out;
}

}  // namespace st::accuracy
