// Diff benchmark (issue #6): two runs of a generated lean fleet (1,000 devices by default, 48
// access ports each) ingested into a real store; prints the on-demand diff's time (digests read,
// changed kinds compared), the stored diff's read time, what the digests and stored diffs add to
// the second ingest, and the store's size per device per run.
// Prints figures; asserts nothing about time (ctest runs it at smoke size).
//
//   statetrace_diff_bench [--devices N] [--seed S] [--repeat N] [--generated DIR]
//     --generated DIR: reuse `statetrace-cli generate DIR --runs 2 --profile lean` output
//     --store FILE: reuse a store holding the two runs as runs 1 and 2 (diff figures only)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "diff/run_diff.h"
#include "diff/stored_diff.h"
#include "generate/generator.h"
#include "ingest/ingest_pipeline.h"
#include "rules/user_rules.h"
#include "store/store.h"

namespace {

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double megabytes_of(const std::filesystem::path& p) {
  std::error_code ec;
  return static_cast<double>(std::filesystem::file_size(p, ec)) / 1e6;
}

int usage() {
  std::fprintf(stderr, "usage: statetrace_diff_bench [--devices N] [--seed S] [--repeat N] [--generated DIR]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int devices = 1000;
  std::uint64_t seed = 1;
  int repeat = 5;
  std::optional<std::filesystem::path> generated;
  std::optional<std::filesystem::path> reuse;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (i + 1 >= argc) return usage();
    if (arg == "--devices") devices = std::atoi(argv[++i]);
    else if (arg == "--seed") seed = std::strtoull(argv[++i], nullptr, 10);
    else if (arg == "--repeat") repeat = std::max(1, std::atoi(argv[++i]));
    else if (arg == "--generated") generated = argv[++i];
    else if (arg == "--store") reuse = argv[++i];
    else return usage();
  }

  const auto work = std::filesystem::temp_directory_path() / fmt::format("statetrace-diff-bench-{}", ::getpid());
  std::filesystem::create_directories(work);
  std::filesystem::path bundles = generated.value_or(work / "generated");
  if (!generated && !reuse) {
    st::generate::GenerateOptions g;
    g.out_dir = bundles;
    g.devices = devices;
    g.runs = 2;
    g.seed = seed;
    g.profile = st::generate::Profile::Lean;
    auto summary = st::generate::generate(g);
    if (!summary) {
      std::fprintf(stderr, "generate: %s\n", summary.error().message.c_str());
      return 1;
    }
    fmt::print("generated {} devices x 2 runs (lean): {:.1f} MB\n", devices, summary->bytes / 1e6);
  }

  const auto store_path = reuse.value_or(work / "store.sqlite");
  auto db = st::store::open_store(store_path, st::store::OpenMode::ReadWrite);
  if (!db) {
    std::fprintf(stderr, "store: %s\n", db.error().message.c_str());
    return 1;
  }
  // The registry `statetrace-cli ingest` uses: built-ins plus the shipped rules (VLANs, MACs,
  // sessions, STP come from rules).
  auto registry = st::rules::registry_for_ingest(*db);
  if (!registry) {
    std::fprintf(stderr, "rules: %s\n", registry.error().message.c_str());
    return 1;
  }
  std::map<int, st::ingest::IngestSummary> ingests;
  for (int run = 1; run <= 2 && !reuse; ++run) {
    st::ingest::IngestOptions options;
    options.bundle = bundles / fmt::format("run-{}", run);
    auto s = st::ingest::ingest_bundle(*db, *registry, options);
    if (!s) {
      std::fprintf(stderr, "ingest run-%d: %s\n", run, s.error().message.c_str());
      return 1;
    }
    ingests[run] = *s;
    fmt::print("ingest run-{}: {} devices, {:.1f} MB in {:.3f} s; digests + stored diff {:.3f} s ({:.1f}% of the ingest)\n",
               run, s->devices, s->bytes / 1e6, s->seconds, s->diff_seconds, 100.0 * s->diff_seconds / s->seconds);
  }
  if (!reuse) (void)db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
  const double store_mb = megabytes_of(store_path);
  std::size_t device_count = ingests[2].devices;
  if (reuse) {
    auto stmt = db->prepare("SELECT COUNT(*) FROM device_snapshots WHERE run_id = 2");
    if (stmt && *stmt->step()) device_count = static_cast<std::size_t>(stmt->int64(0));
  }

  double best_cpu = 1e9;
  auto best_of = [&](auto&& run_once) {
    best_cpu = 1e9;
    double best = 1e9;
    std::size_t changes = 0;
    for (int r = 0; r < repeat; ++r) {
      const auto start = Clock::now();
      const double cpu_start = thread_cpu_seconds();
      auto result = run_once();
      const double s = seconds_since(start);
      best_cpu = std::min(best_cpu, thread_cpu_seconds() - cpu_start);
      if (!result) {
        std::fprintf(stderr, "diff: %s\n", result.error().message.c_str());
        std::exit(1);
      }
      changes = result->size();
      best = std::min(best, s);
    }
    return std::pair{best, changes};
  };
  st::diff::DiffOptions options;
  const auto [on_demand, changes] = best_of([&] { return st::diff::diff_runs(*db, st::RunId{1}, st::RunId{2}, options); });
  const double on_demand_cpu = best_cpu;
  const auto [stored, stored_changes] =
      best_of([&] { return st::diff::diff_between(*db, st::RunId{1}, st::RunId{2}, options); });
  auto all = st::diff::diff_runs(*db, st::RunId{1}, st::RunId{2}, options);
  std::map<std::string, std::size_t> by_kind;
  for (const auto& c : *all) ++by_kind[c.kind + " " + std::string(st::diff::to_string(c.change))];
  std::size_t interfaces = 0;
  {
    auto stmt = db->prepare("SELECT COUNT(*) FROM interfaces WHERE run_id = 2");
    if (stmt && *stmt->step()) interfaces = static_cast<std::size_t>(stmt->int64(0));
  }
  const std::size_t changed_interfaces = by_kind["interface changed"];

  fmt::print("on-demand diff (run 1 -> 2, {} devices): {:.1f} ms wall, {:.1f} ms CPU, {} changes (best of {}; target < 200 ms)\n",
             device_count, on_demand * 1e3, on_demand_cpu * 1e3, changes, repeat);
  fmt::print("stored diff read: {:.1f} ms, {} changes\n", stored * 1e3, stored_changes);
  fmt::print("interfaces changed: {} of {} ({:.2f}%)\n", changed_interfaces, interfaces,
             interfaces ? 100.0 * static_cast<double>(changed_interfaces) / static_cast<double>(interfaces) : 0.0);
  for (const auto& [what, n] : by_kind) fmt::print("  {:<32} {}\n", what, n);
  fmt::print("store: {:.1f} MB, {:.1f} KB per device per run\n", store_mb,
             device_count ? store_mb * 1e3 / static_cast<double>(device_count) / 2.0 : 0.0);

  std::error_code ec;
  std::filesystem::remove_all(work, ec);
  return 0;
}
