// The shipped rule versions of the built-in parsers (rules/parsers/, kept disabled because
// they are slower: docs/parser-rules.md) give what the C++ parsers give on every matching
// section of the sample site: device facts, interfaces and clock readings, and the same rows
// (byte ranges: see the two notes below).
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>

#include "ingest/platform_detector.h"
#include "parse/command_catalog.h"
#include "parse/session_splitter.h"
#include "parse/text_cleaner.h"
#include "rules/rule_set.h"

using namespace st;

namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream b;
  b << in.rdbuf();
  return b.str();
}

std::string describe(const parse::LogTime& t) {
  return fmt::format("{}-{}-{} {}:{}:{}.{} off={}", t.year.value_or(-1), t.month, t.day, t.hour, t.minute, t.second,
                     t.millis, t.utc_offset_minutes.value_or(9999));
}

std::string_view trim_end(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

TEST_CASE("rules: shipped rule versions match the built-in parsers on the sample site", "[rules]") {
  auto rules = rules::shipped_rules(true);
  REQUIRE(rules);
  const auto builtins = parse::ParserRegistry::with_builtins();
  std::size_t compared = 0;
  for (const char* run : {"run-1", "run-2"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(STATETRACE_SAMPLES_DIR) / "campus-hq" / run)) {
      const std::string raw = read(entry.path());
      auto clean = parse::clean_text(raw);
      const std::string text(clean.text());
      auto sections = parse::split_sessions(text);
      std::map<std::string, std::string> platform;
      for (const auto& s : sections) {
        auto c = parse::canonical_command(s.command_raw);
        if (!s.before_first_prompt && c && c->canonical == "show version" && !platform.contains(s.host)) {
          platform[s.host] = ingest::detect_platform(text.substr(s.output.offset, s.output.length), s.prompt).platform;
        }
      }
      for (const auto& s : sections) {
        auto c = parse::canonical_command(s.command_raw);
        if (s.before_first_prompt || !c) continue;
        const std::string p = platform.contains(s.host) ? platform[s.host] : ingest::detect_platform(std::nullopt, s.prompt).platform;
        const auto* builtin = builtins.find(p, c->canonical);
        if (!builtin) continue;
        for (const auto& active : rules->rules()) {
          bool applies = false;
          for (const auto& a : active->rule().applies_to) applies = applies || (a.platform == p && a.command == c->canonical);
          if (!applies) continue;
          const std::string_view output = std::string_view(text).substr(s.output.offset, s.output.length);
          const parse::SectionInput input{output, p, c->canonical};
          auto want = builtin->parse(input);
          auto got = rules::run_rule_on_section(*active, input);
          INFO(entry.path().filename().string() << " " << s.host << " " << c->canonical << " rule " << active->rule().id);
          REQUIRE(want.has_value() == got.has_value());
          if (!want) continue;
          ++compared;
          CHECK(want->facts.has_value() == got->facts.has_value());
          if (want->facts && got->facts) {
            CHECK(want->facts->vendor == got->facts->vendor);
            CHECK(want->facts->platform == got->facts->platform);
            CHECK(want->facts->model == got->facts->model);
            CHECK(want->facts->os_version == got->facts->os_version);
            CHECK(want->facts->serial == got->facts->serial);
            CHECK(want->facts->uptime == got->facts->uptime);
            // The rule's range covers the lines that gave values; the C++ one also lines it only recognised.
            CHECK(want->facts->source.offset <= got->facts->source.offset);
            CHECK(got->facts->source.end() <= want->facts->source.end());
          }
          CHECK(want->clock.has_value() == got->clock.has_value());
          if (want->clock && got->clock) {
            CHECK(want->clock->raw == got->clock->raw);
            CHECK(describe(want->clock->time) == describe(got->clock->time));
          }
          REQUIRE(want->interfaces.size() == got->interfaces.size());
          for (std::size_t i = 0; i < want->interfaces.size(); ++i) {
            const auto& w = want->interfaces[i];
            const auto& g = got->interfaces[i];
            INFO("interface " << w.name_raw);
            CHECK(w.name == g.name);
            CHECK(w.name_raw == g.name_raw);
            CHECK(w.status == g.status);
            CHECK(w.vlan == g.vlan);
            CHECK(w.duplex == g.duplex);
            CHECK(w.speed == g.speed);
            CHECK(w.type == g.type);
            CHECK(w.description == g.description);
            // Same row; the Cisco parser counts a row's trailing blanks, rules never do.
            CHECK(w.source.offset == g.source.offset);
            CHECK(trim_end(output.substr(w.source.offset, w.source.length)) == output.substr(g.source.offset, g.source.length));
          }
        }
      }
    }
  }
  CHECK(compared >= 40);
}
