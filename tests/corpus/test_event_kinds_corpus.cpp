// Event kinds over the shared syslog corpus (corpus/syslog/<theme>.log, lines from many
// vendors, some with <PRI>, host and timestamp prefixes): each line's message id and text are
// cut out, classified with the shipped rules (vendor unknown, so only "*" rules apply), and the
// share of lines given one of the theme's expected kinds is printed and held to a floor.
// The rules were written while looking at these lines, so these figures measure coverage of
// the corpus, not accuracy on unseen logs.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>

#include <fmt/format.h>

#include "corpus_scoring.h"
#include "parse/event_kind.h"
#include "util/regex.h"

namespace {

struct Theme {
  const char* file;
  std::set<std::string> kinds;  // empty: no kind for this theme; figures only
  double floor;                 // measured when set (rounded down); raise, never lower
};

struct Extracted {
  std::string message_id;
  std::string text;
};

const st::util::Regex& re(const char* pattern) {
  static std::map<std::string, st::util::Regex> cache;
  auto it = cache.find(pattern);
  if (it == cache.end()) it = cache.emplace(pattern, *st::util::Regex::compile(pattern)).first;
  return it->second;
}

// The message id ("LINK-3-UPDOWN", "IFNET-4-IF_STATE", "SNMP_TRAP_LINK_UP") and the text after
// it; a line with no recognisable id keeps its whole text (after a "<PRI>").
Extracted extract(std::string_view line) {
  static const char* const kIdPatterns[] = {
      // Huawei / H3C: %%01IFNET/4/IF_STATE(l)[4997]:text
      R"(%%\d*(?P<fac>[A-Za-z][A-Za-z0-9_]*)/(?P<sev>\d)/(?P<mn>[A-Za-z0-9_ ]+?)(?:\([a-z]\))?(?:\[\d+\])?\s*:\s*(?P<text>.*)$)",
      // Cisco and look-alikes: %LINK-3-UPDOWN: text, %PKT_INFRA-LINK-3-UPDOWN : text, %LINK-W-Down: text
      R"(%(?P<fac>[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*?)-(?P<sev>\d|[A-Z])-(?P<mn>[A-Za-z0-9_]+(?:[- ][A-Za-z0-9_]+)*?)\s*:\s*(?P<text>.*)$)",
      // Huawei without %%: IFNET/1/IF_PVCDOWN:OID ...
      R"(\b(?P<fac>[A-Z][A-Z0-9]+)/(?P<sev>\d)/(?P<mn>[A-Za-z0-9_ ]+?)(?:\([a-z]\))?(?:\[\d+\])?\s*:\s*(?P<text>.*)$)",
  };
  for (const char* pattern : kIdPatterns) {
    const auto& r = re(pattern);
    if (auto fac = r.named_group(line, "fac")) {
      Extracted e;
      e.message_id = fmt::format("{}-{}-{}", *fac, r.named_group(line, "sev").value_or(""),
                                 r.named_group(line, "mn").value_or(""));
      e.text = std::string(r.named_group(line, "text").value_or(""));
      return e;
    }
  }
  // Junos: "mib2d[1144]: SNMP_TRAP_LINK_DOWN: text"
  const auto& junos = re(R"([A-Za-z0-9_-]+\[\d+\]:\s+(?P<mn>[A-Z][A-Z0-9_]+):\s*(?P<text>.*)$)");
  if (auto mn = junos.named_group(line, "mn")) {
    return {std::string(*mn), std::string(junos.named_group(line, "text").value_or(""))};
  }
  const auto& pri = re(R"(^(?:<\d+>)?(?P<text>.*)$)");
  return {"", std::string(pri.named_group(line, "text").value_or(line))};
}

void run_theme(const Theme& theme) {
  const std::string path = st::corpus::corpus_dir() + "/syslog/" + theme.file;
  std::ifstream in(path);
  INFO(path);
  REQUIRE(in.good());
  const auto& classifier = st::parse::EventKindClassifier::builtin();
  REQUIRE(classifier.rule_count() > 0);
  std::map<std::string, std::size_t> by_kind;
  std::size_t lines = 0, mapped = 0;
  std::vector<std::string> misses;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    ++lines;
    const Extracted e = extract(line);
    const std::string kind(classifier.classify("", e.message_id, e.text));
    ++by_kind[kind];
    if (theme.kinds.contains(kind)) {
      ++mapped;
    } else {
      misses.push_back(fmt::format("{:<14} [{}] {}", kind, e.message_id, line.substr(0, 120)));
    }
  }
  std::string kinds;
  for (const auto& [k, n] : by_kind) kinds += fmt::format(" {}={}", k, n);
  if (theme.kinds.empty()) {
    fmt::print("event kinds: {}: {} lines, no expected kind;{}\n", theme.file, lines, kinds);
    CHECK(lines > 0);
    return;
  }
  const double ratio = lines == 0 ? 0.0 : static_cast<double>(mapped) / lines;
  fmt::print("event kinds: {}: {}/{} lines = {:.1f}% mapped to the theme's kinds (floor {:.0f}%);{}\n",
             theme.file, mapped, lines, 100.0 * ratio, 100.0 * theme.floor, kinds);
  for (const auto& m : misses) fmt::print("      {}\n", m);
  CHECK(lines > 0);
  REQUIRE(ratio >= theme.floor);
}

}  // namespace

TEST_CASE("event kinds link_flaps", "[event_kinds]") {
  run_theme({"link_flaps.log", {"link_down", "link_up", "lineproto_down", "lineproto_up", "bundle_change"}, 0.94});
}
TEST_CASE("event kinds auth_failures", "[event_kinds]") {
  run_theme({"auth_failures.log", {"auth_fail"}, 0.92});
}
TEST_CASE("event kinds stp_changes", "[event_kinds]") {
  run_theme({"stp_changes.log", {"stp_change"}, 0.96});
}
TEST_CASE("event kinds power_poe", "[event_kinds]") {
  run_theme({"power_poe.log", {"power_fault", "poe_fault", "poe_event"}, 0.89});
}
TEST_CASE("event kinds err_disable", "[event_kinds]") {
  run_theme({"err_disable.log", {"err_disable"}, 1.0});
}
TEST_CASE("event kinds environment", "[event_kinds]") {
  run_theme({"environment.log", {"env_alarm"}, 1.0});
}
TEST_CASE("event kinds mac_l2", "[event_kinds]") {
  run_theme({"mac_l2.log", {}, 0.0});
}
