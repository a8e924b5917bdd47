// Ingest benchmark: generates a realistic multi-vendor bundle with the capture generator
// (src/generate, profile full, about 1.2 MB per device), then measures splitting + parsing
// alone and the whole ingest into a real store.
// Prints figures; it asserts nothing about time (tests run it at smoke size).
//
//   statetrace_ingest_bench [--megabytes N] [--devices N] [--seed S] [--threads N] [--only parse|ingest]
//                           [--generated DIR]   (reuse `statetrace-cli generate DIR` output: run-1 and manifest.json)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>
#include <map>

#include "generate/generator.h"
#include "ingest/ingest_pipeline.h"
#include "parse/command_catalog.h"
#include "parse/session_splitter.h"
#include "store/store.h"

namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  double megabytes = 64;
  int devices = 0;
  std::uint64_t seed = 1;
  unsigned threads = 0;
  std::string only;
  std::filesystem::path reuse;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    if (flag == "--megabytes") megabytes = std::atof(argv[i + 1]);
    else if (flag == "--devices") devices = std::atoi(argv[i + 1]);
    else if (flag == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--threads") threads = static_cast<unsigned>(std::atoi(argv[i + 1]));
    else if (flag == "--only") only = argv[i + 1];
    else if (flag == "--generated") reuse = argv[i + 1];
  }
  if (devices <= 0) devices = std::max(1, static_cast<int>(megabytes / 1.2 + 0.5));
  auto dir = std::filesystem::temp_directory_path() / fmt::format("statetrace-bench-{}", ::getpid());
  std::filesystem::create_directories(dir);
  auto gen_dir = dir / "generated";
  std::uint64_t total = 0;
  if (reuse.empty()) {
    st::generate::GenerateOptions gen;
    gen.out_dir = gen_dir;
    gen.devices = devices;
    gen.seed = seed;
    auto generated = st::generate::generate(gen);
    if (!generated) return fmt::print(stderr, "{}\n", generated.error().describe()), 1;
    total = generated->bytes;
    fmt::print("generated {} devices, {:.1f} MB in {:.2f} s ({:.0f} MB/s)\n", devices, total / 1e6,
               generated->seconds, generated->megabytes_per_second());
  } else {
    gen_dir = reuse;
    for (const auto& e : std::filesystem::directory_iterator(gen_dir / "run-1")) total += e.file_size();
    fmt::print("reusing {}: {:.1f} MB\n", (gen_dir / "run-1").string(), total / 1e6);
  }
  const auto bundle = gen_dir / "run-1";
  // Each file's platform, from the manifest (a hop file is named for its first device).
  std::map<std::string, std::string> platform_of_file;
  {
    std::ifstream in(gen_dir / "manifest.json");
    const auto manifest = nlohmann::json::parse(in);
    for (const auto& d : manifest["devices"]) platform_of_file.emplace(d["file"], d["platform"]);
  }

  // Split + parse alone, on bytes already in memory.
  if (only != "ingest") {
    auto registry = st::parse::ParserRegistry::with_builtins();
    std::vector<std::pair<std::string, std::string>> files;  // platform, bytes
    for (const auto& e : std::filesystem::directory_iterator(bundle)) {
      std::ifstream in(e.path(), std::ios::binary);
      files.emplace_back(platform_of_file[e.path().filename().string()],
                         std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
    }
    auto t = std::chrono::steady_clock::now();
    std::size_t records = 0;
    for (const auto& [platform, text] : files) {
      for (const auto& s : st::parse::split_sessions(text)) {
        auto canonical = st::parse::canonical_command(s.command_raw);
        if (!canonical) continue;
        if (const auto* p = registry.find(platform, canonical->canonical)) {
          auto r = p->parse({std::string_view(text).substr(s.output.offset, s.output.length), platform,
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
  if (only != "parse") {
    auto db = st::store::open_store(dir / "store.sqlite", st::store::OpenMode::ReadWrite);
    if (!db) return fmt::print(stderr, "{}\n", db.error().describe()), 1;
    st::ingest::IngestOptions options;
    options.bundle = bundle;
    options.threads = threads;
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
