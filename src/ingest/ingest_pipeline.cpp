#include "ingest/ingest_pipeline.h"

#include <chrono>
#include <fmt/format.h>
#include <unordered_map>

#include "bundle/bundle_reader.h"
#include "core/log.h"
#include "ingest/capture_time.h"
#include "ingest/platform_detector.h"
#include "ingest/site_resolver.h"
#include "parse/cisco/cli_error.h"
#include "parse/command_catalog.h"
#include "parse/line_cursor.h"
#include "parse/session_splitter.h"
#include "store/run_writer.h"

namespace st::ingest {
namespace {

using store::DeviceSnapshot;
using store::RunSnapshot;
using store::SectionSnapshot;

bool cancelled(const IngestOptions& options) { return options.cancel && options.cancel->load(); }

Error cancelled_error() { return Error{ErrorKind::Cancelled, "ingest cancelled; nothing was stored", {}, {}, {}, {}}; }

// Sections of one file, split and keyed, before any parser has run.
struct SplitFile {
  std::vector<parse::Section> sections;
};

class BundleIngest {
 public:
  BundleIngest(const parse::ParserRegistry& registry, const IngestOptions& options)
      : registry_(registry), options_(options) {}

  Result<RunSnapshot> build(const bundle::Bundle& bundle) {
    run_.bundle = options_.bundle.string();
    run_.site = options_.site;
    run_.ingested_at = now_utc_iso();

    std::uint64_t total = 0;
    for (const auto& m : bundle.members) total += m.size;
    std::uint64_t done = 0;

    std::vector<SplitFile> split;
    for (const auto& member : bundle.members) {
      if (cancelled(options_)) return fail(cancelled_error());
      report(total ? 0.5 * static_cast<double>(done) / static_cast<double>(total) : 0.0,
             fmt::format("reading {}", member.path));
      ST_TRY(std::string bytes, bundle::read_member(member));
      done += member.size;
      store::FileSnapshot file{member.path, std::move(bytes), std::nullopt};
      if (member.mtime_unix) file.mtime_iso = parse::format_utc_iso(*member.mtime_unix);
      mtimes_.push_back(member.mtime_unix);
      run_.files.push_back(std::move(file));
      split.push_back({parse::split_sessions(run_.files.back().bytes)});
    }

    detect_platforms(split);
    std::size_t prompts = 0;
    for (std::size_t f = 0; f < split.size(); ++f) {
      if (cancelled(options_)) return fail(cancelled_error());
      report(0.5 + 0.3 * static_cast<double>(f) / static_cast<double>(split.size()),
             fmt::format("parsing {}", run_.files[f].path));
      for (const auto& section : split[f].sections) {
        if (!section.before_first_prompt) ++prompts;
        parse_section(f, section);
      }
    }
    if (prompts == 0) {
      return fail(Error{ErrorKind::InputRefused,
                        fmt::format("holds no capture: no CLI prompt (host# or host>) in {} .log file(s)",
                                    run_.files.size()),
                        options_.bundle.string(), {}, {},
                        "a capture is a CLI session log: prompts followed by command output"});
    }
    resolve_capture_times(run_, mtimes_);
    return std::move(run_);
  }

 private:
  void report(double fraction, std::string_view message) const {
    if (options_.progress) options_.progress(fraction, message);
  }

  // A device's platform decides its parsers, so it is known before any section is parsed.
  void detect_platforms(const std::vector<SplitFile>& split) {
    std::unordered_map<std::string, std::optional<std::string_view>> version_output;
    std::unordered_map<std::string, std::string_view> prompt;
    for (std::size_t f = 0; f < split.size(); ++f) {
      std::string_view bytes = run_.files[f].bytes;
      for (const auto& s : split[f].sections) {
        if (s.before_first_prompt) continue;
        prompt.try_emplace(s.host, s.prompt);
        auto canonical = parse::canonical_command(s.command_raw);
        if (canonical && canonical->canonical == "show version") {
          version_output[s.host] = bytes.substr(s.output.offset, s.output.length);
        } else {
          version_output.try_emplace(s.host, std::nullopt);
        }
      }
    }
    for (const auto& [host, output] : version_output) {
      platforms_[host] = detect_platform(output, prompt[host]);
    }
  }

  std::size_t device_index(const std::string& host) {
    auto [it, inserted] = device_by_host_.try_emplace(host, run_.devices.size());
    if (inserted) {
      DeviceSnapshot d;
      d.hostname = host;
      d.platform = platforms_[host].platform;
      run_.devices.push_back(std::move(d));
    }
    return it->second;
  }

  void parse_section(std::size_t file_index, const parse::Section& section) {
    SectionSnapshot s;
    s.file_index = file_index;
    s.range = section.range;
    s.output = section.output;
    s.prompt = section.prompt;
    s.command = section.command_raw;
    if (section.before_first_prompt) {
      s.status = "unknown";
      s.reason = "text before the first prompt";
      run_.sections.push_back(std::move(s));
      return;
    }
    std::size_t device = device_index(section.host);
    s.device_index = device;
    DeviceSnapshot& d = run_.devices[device];

    std::string_view output = std::string_view(run_.files[file_index].bytes).substr(section.output.offset,
                                                                                      section.output.length);
    auto canonical = parse::canonical_command(section.command_raw);
    if (section.command_raw.empty()) {
      s.status = "unknown";
      s.reason = "output after a bare prompt";
    } else if (auto rejected = parse::cisco::find_cli_error(output)) {
      s.status = "failed";
      s.reason = fmt::format("the device rejected the command: {}", rejected->text);
      if (canonical) s.canonical_command = canonical->canonical;
    } else if (parse::is_blank(output)) {
      s.status = "unknown";
      s.reason = "no output";
      if (canonical) s.canonical_command = canonical->canonical;
    } else if (!canonical) {
      s.status = "unknown";
      s.reason = "command not in the catalog";
    } else {
      s.canonical_command = canonical->canonical;
      if (!canonical->filter.empty()) s.filter = canonical->filter;
      const parse::ParserEntry* parser = registry_.find(d.platform, canonical->canonical);
      if (!parser) {
        s.status = "unknown";
        s.reason = fmt::format("no parser for {} `{}`", d.platform, canonical->canonical);
      } else {
        s.parser = parser->id;
        auto parsed = parser->parse(parse::SectionInput{output, d.platform, canonical->canonical});
        if (!parsed) {
          s.status = "failed";
          s.reason = parsed.error().message;
        } else {
          s.status = "parsed";
          s.record_count = absorb(d, file_index, section.output.offset, *parser, std::move(*parsed), s);
        }
      }
    }
    run_.sections.push_back(std::move(s));
  }

  // Moves a parser's records into the device snapshot with file-absolute byte ranges.
  static std::size_t absorb(DeviceSnapshot& d, std::size_t file_index, std::uint64_t base,
                            const parse::ParserEntry& parser, parse::ParseResult result, SectionSnapshot& s) {
    std::size_t count = 0;
    if (result.facts) {
      result.facts->source = result.facts->source.shifted(base);
      d.facts = store::Located<parse::DeviceFacts>{std::move(*result.facts), file_index};
      ++count;
    }
    if (result.clock) d.clock = store::Located<parse::ClockReading>{std::move(*result.clock), file_index};
    for (auto& i : result.interfaces) {
      i.source = i.source.shifted(base);
      d.interfaces.push_back({std::move(i), file_index});
      ++count;
    }
    for (auto& e : result.events) {
      e.source = e.source.shifted(base);
      d.events.push_back({std::move(e), {}, file_index});
      ++count;
    }
    for (auto& r : result.records) {
      r.source = r.source.shifted(base);
      d.records.push_back({std::move(r), parser.canonical_command, parser.id, file_index});
      ++count;
    }
    for (auto& w : result.warnings) s.warnings.push_back({w.at.shifted(base), std::move(w.message)});
    return count;
  }

  const parse::ParserRegistry& registry_;
  const IngestOptions& options_;
  RunSnapshot run_;
  std::vector<std::optional<std::int64_t>> mtimes_;
  std::unordered_map<std::string, std::size_t> device_by_host_;
  std::unordered_map<std::string, PlatformGuess> platforms_;
};

}  // namespace

Result<IngestSummary> ingest_bundle(store::Database& db, const parse::ParserRegistry& registry,
                                    const IngestOptions& options) {
  auto started = std::chrono::steady_clock::now();
  ST_TRY(auto sites, SiteResolver::create(options.site_pattern, options.site));
  ST_TRY(auto bundle, bundle::open_bundle(options.bundle));
  ST_TRY(RunSnapshot run, BundleIngest(registry, options).build(bundle));
  for (auto& d : run.devices) d.site = sites.site_for(d.hostname);

  auto parsed = std::chrono::steady_clock::now();
  if (options.progress) options.progress(0.85, "writing the store");
  ST_TRY(RunId id, store::write_run(db, run, options.cancel));
  auto written = std::chrono::steady_clock::now();
  if (options.progress) options.progress(1.0, "done");

  IngestSummary summary;
  summary.run = id;
  summary.files = run.files.size();
  summary.devices = run.devices.size();
  for (const auto& f : run.files) summary.bytes += f.bytes.size();
  for (const auto& s : run.sections) ++summary.sections_by_status[s.status];
  summary.skipped_members = bundle.skipped;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  summary.parse_seconds = std::chrono::duration<double>(parsed - started).count();
  summary.write_seconds = std::chrono::duration<double>(written - parsed).count();
  ST_LOG_DEBUG("ingested {} as run {}: {} files, {} devices, {:.1f} MB in {:.3f}s", options.bundle.string(), id.value,
              summary.files, summary.devices, summary.bytes / 1e6, summary.seconds);
  return summary;
}

}  // namespace st::ingest
