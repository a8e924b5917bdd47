// Ingest benchmark: generates a realistic multi-device capture of the requested size,
// then measures splitting + parsing alone and the whole ingest into a real store.
// Prints figures; it asserts nothing about time (tests run it at smoke size).
//
//   statetrace_ingest_bench [--megabytes N] [--devices N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "ingest/ingest_pipeline.h"
#include "parse/command_catalog.h"
#include "parse/session_splitter.h"
#include "store/store.h"

namespace {

std::string interfaces_status(int ports) {
  std::string out = "\nPort         Name               Status       Vlan       Duplex  Speed Type\n";
  static const char* kStatus[] = {"connected   ", "notconnect  ", "disabled    ", "err-disabled"};
  for (int p = 1; p <= ports; ++p) {
    out += fmt::format("Gi1/0/{:<6} {:<18} {} {:<10} {:>6} {:>6} 10/100/1000BaseTX\n", p,
                       p % 3 ? fmt::format("desk {}-{}", p, p * 7) : "", kStatus[p % 4], 10 + p % 4 * 10,
                       p % 4 ? "a-full" : "auto", p % 4 ? "a-1000" : "auto");
  }
  return out;
}

std::string logging(int lines, int seed) {
  std::string out =
      "Syslog logging: enabled (0 messages dropped, 0 messages rate-limited, 0 flushes, 0 overruns)\n\n"
      "Log Buffer (4096000 bytes):\n\n";
  for (int i = 0; i < lines; ++i) {
    int port = 1 + (i * 7 + seed) % 48;
    int minute = (i / 60) % 60, second = i % 60;
    switch (i % 4) {
      case 0:
        out += fmt::format("{:06}: Nov 20 08:{:02}:{:02}.{:03} UTC: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/{}, "
                           "changed state to down\n", i, minute, second, i % 1000, port);
        break;
      case 1:
        out += fmt::format("{:06}: Nov 20 08:{:02}:{:02}.{:03} UTC: %LINEPROTO-5-UPDOWN: Line protocol on Interface "
                           "GigabitEthernet1/0/{}, changed state to down\n", i, minute, second, i % 1000, port);
        break;
      case 2:
        out += fmt::format("{:06}: Nov 20 08:{:02}:{:02}.{:03} UTC: %DOT1X-5-FAIL: Authentication failed for client "
                           "(0050.56ab.{:04x}) on Interface Gi1/0/{} AuditSessionID 0A0A0A0B0000{:04X}\n",
                           i, minute, second, i % 1000, i % 65536, port, i % 65536);
        break;
      default:
        out += fmt::format("{:06}: Nov 20 08:{:02}:{:02}.{:03} UTC: %SYS-5-CONFIG_I: Configured from console by "
                           "netops on vty0 (10.20.0.9)\n", i, minute, second, i % 1000);
    }
  }
  return out;
}

std::string capture(const std::string& host, std::size_t target_bytes, int seed) {
  std::string out = fmt::format("{0}#terminal length 0\n{0}#show clock\n*09:14:07.532 UTC Fri Nov 20 2026\n", host);
  out += fmt::format("{0}#show version\nCisco IOS XE Software, Version 17.09.04a\n"
                     "Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4a, "
                     "RELEASE SOFTWARE (fc3)\n{0} uptime is 3 weeks, 2 days, 4 hours, 11 minutes\n"
                     "cisco C9300-48P (X86) processor with 1338934K/6147K bytes of memory.\n"
                     "Processor board ID FOC2248X0TQ\n", host);
  out += fmt::format("{}#show interfaces status\n", host) + interfaces_status(48);
  std::size_t per_line = 130;
  int lines = static_cast<int>(target_bytes > out.size() ? (target_bytes - out.size()) / per_line : 1);
  out += fmt::format("{}#show logging\n", host) + logging(lines, seed);
  out += fmt::format("{}#exit\n", host);
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  double megabytes = 64;
  int devices = 8;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    if (flag == "--megabytes") megabytes = std::atof(argv[i + 1]);
    else if (flag == "--devices") devices = std::atoi(argv[i + 1]);
  }
  auto dir = std::filesystem::temp_directory_path() / fmt::format("statetrace-bench-{}", ::getpid());
  std::filesystem::create_directories(dir / "bundle");
  std::size_t per_device = static_cast<std::size_t>(megabytes * 1e6 / devices);
  std::uint64_t total = 0;
  for (int d = 0; d < devices; ++d) {
    std::string host = fmt::format("BEN-B{}-ACC-{:02}", d % 4, d);
    std::string text = capture(host, per_device, d);
    total += text.size();
    std::ofstream(dir / "bundle" / (host + ".log"), std::ios::binary) << text;
  }
  fmt::print("generated {} devices, {:.1f} MB in {}\n", devices, total / 1e6, (dir / "bundle").string());

  // Split + parse alone, on bytes already in memory.
  {
    auto registry = st::parse::ParserRegistry::with_builtins();
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(dir / "bundle")) {
      std::ifstream in(e.path(), std::ios::binary);
      files.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    auto t = std::chrono::steady_clock::now();
    std::size_t records = 0;
    for (const auto& text : files) {
      for (const auto& s : st::parse::split_sessions(text)) {
        auto canonical = st::parse::canonical_command(s.command_raw);
        if (!canonical) continue;
        if (const auto* p = registry.find("cisco_ios", canonical->canonical)) {
          auto r = p->parse({std::string_view(text).substr(s.output.offset, s.output.length), "cisco_ios",
                             canonical->canonical});
          if (r) records += r->events.size() + r->interfaces.size();
        }
      }
    }
    double s = seconds_since(t);
    fmt::print("split+parse: {:.1f} MB in {:.3f} s = {:.0f} MB/s ({} records)\n", total / 1e6, s, total / 1e6 / s,
               records);
  }
  // The whole ingest into a real SQLite store on disk.
  {
    auto db = st::store::open_store(dir / "store.sqlite", st::store::OpenMode::ReadWrite);
    if (!db) return fmt::print(stderr, "{}\n", db.error().describe()), 1;
    st::ingest::IngestOptions options;
    options.bundle = dir / "bundle";
    auto t = std::chrono::steady_clock::now();
    auto summary = st::ingest::ingest_bundle(*db, st::parse::ParserRegistry::with_builtins(), options);
    double s = seconds_since(t);
    if (!summary) return fmt::print(stderr, "{}\n", summary.error().describe()), 1;
    fmt::print("ingest (read, parse, store in one transaction): {:.1f} MB in {:.3f} s = {:.0f} MB/s\n", total / 1e6,
               s, total / 1e6 / s);
    fmt::print("  of which read+split+parse {:.3f} s, store write+commit {:.3f} s; store file {:.1f} MB\n",
               summary->parse_seconds, summary->write_seconds,
               std::filesystem::file_size(dir / "store.sqlite") / 1e6);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
