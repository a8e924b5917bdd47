#include "ingest/ingest_pipeline.h"

#include "rules/template_directory.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <fmt/format.h>
#include <map>
#include <mutex>
#include <thread>

#include "bundle/bundle_reader.h"
#include "core/log.h"
#include "ingest/file_parser.h"
#include "ingest/site_resolver.h"
#include "insights/rule_set.h"
#include "store/member_index.h"
#include "store/run_writer.h"

namespace st::ingest {
namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// Members flow reader -> parsers -> writer. The reader and the parsers run on their own
// threads; the writer is the calling thread (it owns the store connection). Batches are
// written in bundle order whatever order the parsers finish in, so a run is deterministic.
class ParallelIngest {
 public:
  ParallelIngest(const parse::ParserRegistry& registry, const insights::EventSelectorSet* selectors,
                 const IngestOptions& options, unsigned threads)
      : registry_(registry), selectors_(selectors), options_(options), threads_(threads), queue_limit_(2 * threads) {}

  ~ParallelIngest() { stop_and_join(); }

  void start(bundle::BundleReader& reader) {
    reader_thread_ = std::thread([this, &reader] { read_all(reader); });
    for (unsigned i = 0; i < threads_; ++i) workers_.emplace_back([this] { parse_loop(); });
  }

  // The next batch in bundle order; nullopt at the end. An error stops everything.
  Result<std::optional<store::FileBatch>> next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return failure_ || done_.contains(next_out_) || (read_done_ && next_out_ >= read_count_); });
    if (failure_) return fail(*failure_);
    if (!done_.contains(next_out_)) return std::optional<store::FileBatch>{};
    auto node = done_.extract(next_out_++);
    changed_.notify_all();  // a slot is free for the reader
    return std::optional<store::FileBatch>{std::move(node.mapped())};
  }

  void stop_and_join() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    if (reader_thread_.joinable()) reader_thread_.join();
    for (auto& w : workers_) {
      if (w.joinable()) w.join();
    }
    workers_.clear();
  }

  double parse_seconds() const { return parse_seconds_; }

 private:
  bool cancelled() const { return options_.cancel && options_.cancel->load(); }

  void set_failure(Error e) {
    std::lock_guard lock(mutex_);
    if (!failure_) failure_ = std::move(e);
    changed_.notify_all();
  }

  void read_all(bundle::BundleReader& reader) {
    for (std::size_t index = 0;; ++index) {
      {
        // Bounded memory: at most queue_limit_ members are read but not yet written.
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopping_ || failure_ || index - next_out_ < queue_limit_; });
        if (stopping_ || failure_) break;
      }
      if (cancelled()) return set_failure(Error{ErrorKind::Cancelled, "ingest cancelled; nothing was stored", {}, {}, {}, {}});
      auto member = reader.next();
      if (!member) return set_failure(std::move(member).error());
      std::lock_guard lock(mutex_);
      if (!*member) break;
      MemberInput input{(*member)->member.path, std::move((*member)->bytes), (*member)->member.mtime_unix};
      work_.emplace_back(index, std::move(input));
      ++read_count_;
      changed_.notify_all();
    }
    std::lock_guard lock(mutex_);
    read_done_ = true;
    changed_.notify_all();
  }

  void parse_loop() {
    while (true) {
      std::pair<std::size_t, MemberInput> job;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopping_ || failure_ || !work_.empty() || read_done_; });
        if (stopping_ || failure_ || (work_.empty() && read_done_)) return;
        job = std::move(work_.front());
        work_.pop_front();
      }
      auto started = Clock::now();
      const std::string path = job.second.path;
      store::FileBatch batch;
      try {
        batch = parse_member(std::move(job.second), registry_, selectors_);
      } catch (const std::exception& e) {
        // A parser bug must not take the process down from a worker thread: fail the ingest.
        return set_failure(Error{ErrorKind::Internal, fmt::format("parsing failed: {}", e.what()), path, {}, {},
                                 "this is a bug in StateTrace; please report it with the file"});
      }
      double took = seconds(Clock::now() - started);
      std::lock_guard lock(mutex_);
      parse_seconds_ += took;
      done_.emplace(job.first, std::move(batch));
      changed_.notify_all();
    }
  }

  const parse::ParserRegistry& registry_;
  const insights::EventSelectorSet* selectors_;
  const IngestOptions& options_;
  const unsigned threads_;
  const std::size_t queue_limit_;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::pair<std::size_t, MemberInput>> work_;
  std::map<std::size_t, store::FileBatch> done_;
  std::size_t read_count_ = 0;
  std::size_t next_out_ = 0;
  bool read_done_ = false;
  bool stopping_ = false;
  std::optional<Error> failure_;
  double parse_seconds_ = 0;

  std::thread reader_thread_;
  std::vector<std::thread> workers_;
};

std::string now_utc_iso() {
  auto now = std::chrono::system_clock::now();
  return parse::format_utc_iso(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
}

unsigned thread_count(unsigned requested) {
  if (requested > 0) return requested;
  unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? cores : 1;
}

}  // namespace

Result<IngestSummary> ingest_bundle(store::Database& db, const parse::ParserRegistry& registry,
                                    const IngestOptions& options) {
  auto started = Clock::now();
  ST_TRY(auto sites, SiteResolver::create(options.site_pattern, options.site));
  // A template folder extends a copy of the caller's registry for this ingest only.
  std::optional<parse::ParserRegistry> with_templates;
  if (options.templates) {
    with_templates = registry;
    ST_CHECK(rules::register_template_directory(*with_templates, *options.templates));
  }
  const parse::ParserRegistry& parsers = with_templates ? *with_templates : registry;
  ST_TRY(auto bundle, bundle::open_bundle(options.bundle));
  ST_TRY(auto reader, bundle::BundleReader::open(bundle, options.limits));

  std::uint64_t total_bytes = 0;
  for (const auto& m : bundle.members) total_bytes += m.size;

  store::RunHeader header{options.bundle.string(), options.site, now_utc_iso(), options.keep_runs, options.detection};
  IngestSummary summary;
  if (options.detect && !header.detection) {
    ST_TRY(auto rules, insights::DetectionRuleSet::load(db));
    for (const auto& p : rules.problems()) {
      summary.warnings.push_back(fmt::format("detection rule '{}' not used: {}", p.rule_id, p.message));
    }
    ST_TRY(header.detection, insights::CompiledRules::compile(rules));
  }
  if (!options.detect) header.detection = nullptr;
  ST_TRY(auto writer, store::RunWriter::begin(
                          db, header,
                          [&sites](std::string_view host) {
                            return store::HostPlace{sites.site_for(host), sites.zone_for(host)};
                          },
                          options.cancel));

  const unsigned threads = thread_count(options.threads);
  ParallelIngest pipeline(parsers, header.detection ? &header.detection->selectors() : nullptr, options, threads);
  pipeline.start(reader);

  std::size_t hosts_seen = 0;
  std::vector<std::string> not_captures;  // "name (why)" for members with no prompt
  std::vector<std::string> hashes;
  std::uint64_t written_bytes = 0;
  double write_seconds = 0;
  while (true) {
    ST_TRY(auto batch, pipeline.next());
    if (!batch) break;
    if (options.progress) {
      options.progress(total_bytes ? 0.95 * static_cast<double>(written_bytes) / static_cast<double>(total_bytes) : 0,
                       fmt::format("parsing and storing {}", batch->path));
    }
    auto write_started = Clock::now();
    hosts_seen += batch->hosts.size();
    if (batch->hosts.empty()) {
      std::string why = "no CLI prompt";
      if (!batch->sections.empty() && batch->sections.front().reason &&
          *batch->sections.front().reason != "text before the first prompt") {
        why = *batch->sections.front().reason;
      } else if (batch->size == 0) {
        why = "empty";
      }
      not_captures.push_back(fmt::format("{} ({})", batch->path, why));
    }
    hashes.push_back(batch->sha256);
    written_bytes += batch->size;
    ST_CHECK(writer.add(*batch));
    write_seconds += seconds(Clock::now() - write_started);
  }
  pipeline.stop_and_join();

  if (hosts_seen == 0) {
    std::string listed;
    for (std::size_t i = 0; i < not_captures.size() && i < 5; ++i) listed += (i ? ", " : "") + not_captures[i];
    if (not_captures.size() > 5) listed += fmt::format(" and {} more", not_captures.size() - 5);
    return fail(Error{ErrorKind::InputRefused,
                      fmt::format("holds no capture: no CLI prompt (host# or host>) in {} .log file(s): {}",
                                  bundle.members.size(), listed),
                      options.bundle.string(), {}, {},
                      "a capture is a CLI session log: prompts followed by command output"});
  }

  summary.skipped_members = bundle.skipped;
  summary.warnings.insert(summary.warnings.end(), bundle.warnings.begin(), bundle.warnings.end());
  if (!options.force) {
    // Only earlier runs count: this run's own rows are already written, uncommitted.
    ST_TRY(auto earlier, store::run_holding_all_members(db, hashes, writer.run()));
    if (earlier) {
      summary.duplicate_of = earlier;
    }
  }

  if (summary.duplicate_of) {
    // Nothing new: the writer's destructor rolls the transaction back.
  } else {
    if (options.progress) options.progress(0.97, "committing");
    auto commit_started = Clock::now();
    ST_TRY(summary.run, writer.commit());
    write_seconds += seconds(Clock::now() - commit_started);
  }
  if (options.progress) options.progress(1.0, "done");

  const auto& totals = writer.totals();
  summary.files = totals.files;
  summary.devices = summary.duplicate_of ? 0 : totals.devices;
  summary.sections_by_status = totals.sections_by_status;
  summary.rows = totals.rows;
  summary.events = totals.events;
  summary.bytes = totals.bytes;
  summary.threads = threads;
  summary.seconds = seconds(Clock::now() - started);
  summary.parse_seconds = pipeline.parse_seconds();
  summary.write_seconds = write_seconds;
  summary.diff_seconds = totals.diff_seconds;
  summary.pruned_snapshots = totals.pruned_snapshots;
  summary.detect_seconds = totals.detect_seconds;
  summary.insights = totals.insights;
  summary.rule_seconds = totals.rule_seconds;
  for (const auto& id : totals.auto_disabled_rules) {
    summary.warnings.push_back(fmt::format("detection rule '{}' took longer than its budget and is now disabled "
                                           "(statetrace-cli rules enable {} turns it back on)", id, id));
  }
  ST_LOG_DEBUG("ingested {} as run {}: {} files, {} devices, {:.1f} MB in {:.3f}s", options.bundle.string(),
               summary.run.value, summary.files, summary.devices, summary.bytes / 1e6, summary.seconds);
  return summary;
}

}  // namespace st::ingest
