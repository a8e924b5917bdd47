// Parser rules vs the built-in C++ parsers, single-threaded, on real outputs from the sample
// site (resources/samples/campus-hq/run-1). Tables (interfaces, `show logging`) are one
// section made by repeating the output's rows (a log's messages) to at least --megabytes;
// single-record outputs (clock, version) are the real section parsed repeatedly until that many bytes went through.
// Prints MB/s for both and the ratio; docs/parser-rules.md records the figures and which
// C++ parsers are kept (a rule more than 2x slower). Asserts nothing about time.
//
//   statetrace_parser_rules_bench [--megabytes N] [--samples DIR] [--rule ID]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "ingest/platform_detector.h"
#include "parse/command_catalog.h"
#include "parse/session_splitter.h"
#include "parse/text_cleaner.h"
#include "rules/rule_set.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Sample {
  std::string platform, command, output;
};

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream b;
  b << in.rdbuf();
  return b.str();
}

// First output per (platform, command) in the sample site.
std::map<std::pair<std::string, std::string>, std::string> sample_outputs(const std::filesystem::path& dir) {
  std::map<std::pair<std::string, std::string>, std::string> out;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const std::string raw = read(f);
    auto clean = st::parse::clean_text(raw);
    const std::string text(clean.text());
    auto sections = st::parse::split_sessions(text);
    std::map<std::string, std::string> platform;
    std::map<std::string, std::string> prompt;
    for (const auto& s : sections) {
      if (s.before_first_prompt) continue;
      prompt.try_emplace(s.host, s.prompt);
      auto c = st::parse::canonical_command(s.command_raw);
      if (c && c->canonical == "show version" && !platform.contains(s.host)) {
        platform[s.host] = st::ingest::detect_platform(text.substr(s.output.offset, s.output.length), s.prompt).platform;
      }
    }
    for (const auto& s : sections) {
      if (s.before_first_prompt) continue;
      auto c = st::parse::canonical_command(s.command_raw);
      if (!c || !c->filter.empty()) continue;
      std::string p = platform.contains(s.host) ? platform[s.host]
                                                : st::ingest::detect_platform(std::nullopt, prompt[s.host]).platform;
      out.try_emplace({p, c->canonical}, text.substr(s.output.offset, s.output.length));
    }
  }
  return out;
}

// The output with its body repeated to `bytes`: a table's rows after its header line (the
// one with "Port "), a log's messages after its "Log Buffer" line (so the configuration
// preamble is not repeated into the messages).
std::string repeated(const std::string& output, std::size_t bytes) {
  std::size_t header = output.find("Log Buffer");
  if (header == std::string::npos) {
    header = output.find("Port ");
    if (header != std::string::npos && header >= 400) header = std::string::npos;
  }
  std::size_t body_start = 0;
  if (header != std::string::npos) body_start = output.find('\n', header) + 1;
  const std::string head = output.substr(0, body_start);
  const std::string body = output.substr(body_start);
  std::string out = head;
  while (out.size() < bytes) out += body;
  return out;
}

template <class Fn>
double best_mb_per_s(Fn&& fn, std::size_t bytes_per_call, std::size_t calls) {
  double best = 0;
  for (int round = 0; round < 3; ++round) {
    auto t = Clock::now();
    for (std::size_t i = 0; i < calls; ++i) fn();
    const double s = std::chrono::duration<double>(Clock::now() - t).count();
    best = std::max(best, static_cast<double>(bytes_per_call * calls) / 1e6 / s);
  }
  return best;
}

std::size_t count(const st::parse::ParseResult& r) {
  return r.interfaces.size() + r.events.size() + r.records.size() + (r.facts ? 1 : 0) + (r.clock ? 1 : 0);
}

}  // namespace

int main(int argc, char** argv) {
  double megabytes = 1;
  std::filesystem::path samples = STATETRACE_SAMPLES_DIR "/campus-hq/run-1";
  std::string only;  // --rule ID: that rule only (for profiling)
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--megabytes") megabytes = std::atof(argv[i + 1]);
    else if (a == "--samples") samples = argv[i + 1];
    else if (a == "--rule") only = argv[i + 1];
  }
  const std::size_t bytes = static_cast<std::size_t>(megabytes * 1e6);
  auto outputs = sample_outputs(samples);
  // Speed, not the sandbox, is measured here: a time budget that sanitizer builds on a busy
  // machine cannot hit.
  st::rules::Budget budget;
  budget.time = std::chrono::minutes(10);
  auto rules = st::rules::shipped_rules(true, budget);
  if (!rules) {
    std::fprintf(stderr, "%s\n", rules.error().describe().c_str());
    return 1;
  }
  const auto builtins = st::parse::ParserRegistry::with_builtins();
  std::printf("%-18s %-24s %-8s %8s %10s %10s %7s %8s %8s  %s\n", "platform", "command", "input", "MB", "C++ MB/s",
              "rule MB/s", "C++/rule", "C++ rows", "rule rows", "verdict");
  int failures = 0;
  for (const auto& active : rules->rules()) {
    if (!only.empty() && active->rule().id != only) continue;
    for (const auto& target : active->rule().applies_to) {
      auto it = outputs.find({target.platform, target.command});
      const auto* builtin = builtins.find(target.platform, target.command);
      if (it == outputs.end() || !builtin) continue;
      const bool table = active->rule().table == st::rules::OutputTable::Interfaces ||
                         active->rule().table == st::rules::OutputTable::Events;
      const std::string input = table ? repeated(it->second, bytes) : it->second;
      const std::size_t calls = table ? 1 : std::max<std::size_t>(1, bytes / std::max<std::size_t>(1, input.size()));
      const st::parse::SectionInput section{input, target.platform, target.command};
      std::size_t cpp_rows = 0, rule_rows = 0;
      const double cpp = best_mb_per_s([&] { cpp_rows = count(*builtin->parse(section)); }, input.size(), calls);
      const double rule = best_mb_per_s(
          [&] {
            auto r = st::rules::run_rule_on_section(*active, section);
            rule_rows = r ? count(*r) : 0;
            if (!r) {
              std::fprintf(stderr, "%s: %s\n", active->rule().id.c_str(), r.error().message.c_str());
              ++failures;
            }
          },
          input.size(), calls);
      const double ratio = cpp / rule;
      std::printf("%-18s %-24s %-8s %8.2f %10.1f %10.1f %7.2fx %8zu %8zu  %s\n", target.platform.c_str(),
                  target.command.c_str(), table ? "repeated" : "calls", input.size() * calls / 1e6, cpp, rule, ratio,
                  cpp_rows, rule_rows, ratio > 2 ? "C++ kept" : "rule");
    }
  }
  return failures == 0 ? 0 : 1;
}
