#include "ingest/file_parser.h"

#include <chrono>
#include <cstdint>
#include <fmt/format.h>
#include <unordered_map>

#include "ingest/platform_detector.h"
#include "parse/cisco/cli_error.h"
#include "parse/command_catalog.h"
#include "parse/line_cursor.h"
#include "parse/session_splitter.h"
#include "parse/text_cleaner.h"
#include "util/sha256.h"
#include "util/zstd_codec.h"

namespace st::ingest {
namespace {

using store::FileBatch;
using store::HostSnapshot;
using store::SectionSnapshot;

// A command the catalog does not know, as a pattern entry sees it: no "do ", no "| filter",
// single spaces.
std::string typed_command(std::string_view raw) {
  if (auto bar = raw.find('|'); bar != std::string_view::npos) raw = raw.substr(0, bar);
  std::string out;
  for (char c : raw) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.starts_with("do ")) out.erase(0, 3);
  return out;
}

class MemberParser {
 public:
  MemberParser(const MemberInput& member, const parse::ParserRegistry& registry,
               const insights::EventSelectorSet* selectors)
      : member_(member), bytes_(member.bytes), registry_(registry), selectors_(selectors) {}

  FileBatch run() {
    batch_.path = member_.path;
    batch_.size = bytes_.size();
    batch_.mtime_unix = member_.mtime_unix;
    if (member_.mtime_unix) batch_.mtime_iso = parse::format_utc_iso(*member_.mtime_unix);
    batch_.sha256 = util::sha256_hex(bytes_);
    for (std::size_t offset = 0; offset < bytes_.size(); offset += kRawChunkBytes) {
      std::size_t length = std::min(kRawChunkBytes, bytes_.size() - offset);
      batch_.chunks.push_back({offset, length, "zstd", util::zstd_compress(bytes_.substr(offset, length))});
    }
    // Parsers see cleaned text (no CR, ANSI, backspaces, pager residue...); every range is
    // translated back to the raw bytes before the batch leaves, so stored ranges stay exact.
    clean_ = parse::clean_text(bytes_);
    if (clean_.content() != parse::Content::Text) {
      refuse_content();
      return std::move(batch_);
    }
    text_ = clean_.text();
    auto sections = parse::split_sessions(text_);
    detect_platforms(sections);
    for (const auto& section : sections) parse_timed(section);
    ranges_to_raw();
    encode_events();
    attach_cleanup_notes();
    return std::move(batch_);
  }

 private:
  // A host's platform decides its parsers, so it is known before its sections are parsed.
  void detect_platforms(const std::vector<parse::Section>& sections) {
    std::unordered_map<std::string, std::optional<std::string_view>> version_output;
    std::unordered_map<std::string, std::string_view> prompt;
    for (const auto& s : sections) {
      if (s.before_first_prompt) continue;
      prompt.try_emplace(s.host, s.prompt);
      auto canonical = parse::canonical_command(s.command_raw);
      auto& known = version_output[s.host];
      if (canonical && canonical->canonical == "show version" && !known) {
        known = text_.substr(s.output.offset, s.output.length);
      }
    }
    for (const auto& [host, output] : version_output) platforms_[host] = detect_platform(output, prompt[host]);
  }

  std::size_t host_index(const std::string& host) {
    auto [it, inserted] = host_by_name_.try_emplace(host, batch_.hosts.size());
    if (inserted) {
      HostSnapshot h;
      h.hostname = host;
      h.platform = platforms_[host].platform;
      batch_.hosts.push_back(std::move(h));
      events_.emplace_back();
    }
    return it->second;
  }

  void parse_timed(const parse::Section& section) {
    auto started = std::chrono::steady_clock::now();
    parse_section(section);
    const SectionSnapshot& s = batch_.sections.back();
    auto& t = telemetry_for(s.host_index);
    t.bytes += clean_.map().to_raw(section.range).length;
    t.parse_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (s.status == "parsed") ++t.parsed;
    else if (s.status == "failed") ++t.failed;
    else ++t.unknown;
  }

  store::HostTelemetry& telemetry_for(std::optional<std::size_t> host) {
    auto [it, inserted] = telemetry_by_host_.try_emplace(host.value_or(SIZE_MAX), batch_.telemetry.size());
    if (inserted) batch_.telemetry.push_back(store::HostTelemetry{host, 0, 0, 0, 0, 0});
    return batch_.telemetry[it->second];
  }

  void parse_section(const parse::Section& section) {
    SectionSnapshot s;
    s.range = section.range;
    s.output = section.output;
    s.prompt = section.prompt;
    s.command = section.command_raw;
    if (section.before_first_prompt) {
      s.status = "unknown";
      s.reason = "text before the first prompt";
      batch_.sections.push_back(std::move(s));
      return;
    }
    std::size_t host = host_index(section.host);
    s.host_index = host;
    HostSnapshot& h = batch_.hosts[host];

    std::string_view output = text_.substr(section.output.offset, section.output.length);
    auto canonical = parse::canonical_command(section.command_raw);
    const parse::ParserEntry* parser = nullptr;
    std::string typed;
    if (canonical) {
      s.canonical_command = canonical->canonical;
      if (!canonical->filter.empty()) s.filter = canonical->filter;
    }
    if (section.command_raw.empty()) {
      s.status = "unknown";
      s.reason = "output after a bare prompt";
    } else if (auto rejected = parse::cisco::find_cli_error(output)) {
      s.status = "failed";
      s.reason = fmt::format("the device rejected the command: {}", rejected->text);
    } else if (parse::is_blank(output)) {
      s.status = "unknown";
      s.reason = "no output";
    } else if (!canonical && !(typed = typed_command(section.command_raw), parser = registry_.find(h.platform, typed))) {
      // Only pattern entries (rule command regexes, a template index) take commands the
      // catalog does not know.
      s.status = "unknown";
      s.reason = "command not in the catalog";
    } else if (canonical && !(parser = registry_.find(h.platform, canonical->canonical))) {
      s.status = "unknown";
      s.reason = fmt::format("no parser for {} `{}`", h.platform, canonical->canonical);
    } else {
      s.parser = parser->id;
      const std::string_view command = canonical ? std::string_view(canonical->canonical) : std::string_view(typed);
      if (!canonical) s.canonical_command = typed;
      auto parsed = parser->parse(parse::SectionInput{output, h.platform, command});
      if (!parsed) {
        s.status = "failed";
        s.reason = parsed.error().message;
      } else {
        s.status = "parsed";
        s.record_count = absorb(host, section.output.offset, *parser, std::move(*parsed), s);
      }
    }
    batch_.sections.push_back(std::move(s));
  }

  // Moves a parser's records into the host snapshot with member-absolute byte ranges.
  std::size_t absorb(std::size_t host, std::uint64_t base, const parse::ParserEntry& parser,
                     parse::ParseResult result, SectionSnapshot& s) {
    HostSnapshot& h = batch_.hosts[host];
    std::size_t count = 0;
    if (result.facts) {
      result.facts->source = result.facts->source.shifted(base);
      h.facts = std::move(*result.facts);
      ++count;
    }
    if (result.clock) h.clock = std::move(*result.clock);
    if (result.config) {
      result.config->source = result.config->source.shifted(base);
      h.config = std::move(*result.config);
      ++count;
    }
    h.interfaces.reserve(h.interfaces.size() + result.interfaces.size());
    for (auto& i : result.interfaces) {
      i.source = i.source.shifted(base);
      h.interfaces.push_back(std::move(i));
      ++count;
    }
    auto& events = events_[host];
    events.reserve(events.size() + result.events.size());
    for (auto& e : result.events) {
      e.source = e.source.shifted(base);
      events.push_back(std::move(e));
      ++count;
    }
    for (auto& r : result.records) {
      r.source = r.source.shifted(base);
      h.records.push_back({std::move(r), s.canonical_command.value_or(parser.canonical_command), parser.id});
      ++count;
    }
    h.objects.reserve(h.objects.size() + result.objects.size());
    for (auto& o : result.objects) {
      o.source = o.source.shifted(base);
      h.objects.push_back(std::move(o));
      ++count;
    }
    // Filtered output (`| include`) lists part of a table only.
    if (!s.filter) h.complete_kinds.insert(h.complete_kinds.end(), result.complete_kinds.begin(), result.complete_kinds.end());
    for (auto& w : result.warnings) s.warnings.push_back({w.at.shifted(base), std::move(w.message)});
    return count;
  }

  // A member that is binary or UTF-16 is kept (hashed, raw bytes stored) as one unknown section.
  void refuse_content() {
    const parse::CleanupNote& why = clean_.notes().front();
    SectionSnapshot s;
    s.range = {0, bytes_.size()};
    s.output = s.range;
    s.status = "unknown";
    s.reason = why.message;
    s.warnings.push_back({why.at, why.message});
    batch_.sections.push_back(std::move(s));
    auto& t = telemetry_for(std::nullopt);
    t.bytes += bytes_.size();
    ++t.unknown;
  }

  // Cleaned-text offsets -> raw member offsets, for every range in the batch.
  void ranges_to_raw() {
    const parse::OffsetMap& map = clean_.map();
    if (map.is_identity()) return;
    for (auto& s : batch_.sections) {
      s.range = map.to_raw(s.range);
      s.output = map.to_raw(s.output);
      for (auto& w : s.warnings) w.at = map.to_raw(w.at);
    }
    for (auto& events : events_) {
      for (auto& e : events) e.source = map.to_raw(e.source);
    }
    for (auto& h : batch_.hosts) {
      if (h.facts) h.facts->source = map.to_raw(h.facts->source);
      if (h.config) h.config->source = map.to_raw(h.config->source);
      for (auto& i : h.interfaces) i.source = map.to_raw(i.source);
      for (auto& r : h.records) r.record.source = map.to_raw(r.record.source);
      for (auto& o : h.objects) o.source = map.to_raw(o.source);
    }
  }

  // Clean-up notes (raw offsets) become warnings of the section holding them, else the first.
  void attach_cleanup_notes() {
    if (clean_.notes().empty()) return;
    if (batch_.sections.empty()) {
      SectionSnapshot s;
      s.range = {0, bytes_.size()};
      s.output = s.range;
      s.status = "unknown";
      s.reason = "no capture text";
      batch_.sections.push_back(std::move(s));
      auto& t = telemetry_for(std::nullopt);
      t.bytes += bytes_.size();
      ++t.unknown;
    }
    for (const auto& note : clean_.notes()) {
      SectionSnapshot* target = &batch_.sections.front();
      for (auto& s : batch_.sections) {
        if (s.range.offset <= note.at.offset && note.at.offset < s.range.end()) {
          target = &s;
          break;
        }
      }
      target->warnings.push_back({note.at, "text clean-up: " + note.message});
    }
  }

  // Events get their UTC time (a yearless date takes the year of the host's clock, else of
  // the file's mtime) and are encoded into blocks here, on the parser thread.
  void encode_events() {
    for (std::size_t i = 0; i < batch_.hosts.size(); ++i) {
      HostSnapshot& h = batch_.hosts[i];
      std::optional<parse::UnixSeconds> reference = member_.mtime_unix;
      if (h.clock) {
        h.clock_time = parse::resolve(h.clock->time, std::nullopt);
        if (h.clock_time->unix_seconds) reference = h.clock_time->unix_seconds;
      }
      const auto& events = events_[i];
      std::vector<parse::ResolvedInstant> times;
      times.reserve(events.size());
      std::vector<store::EventView> views;
      views.reserve(events.size());
      for (const auto& e : events) {
        times.push_back(parse::resolve_instant(e.time, reference));
        views.push_back(store::view_of(e, times.back()));
        if (auto kind = metrics::counted_kind(e.kind)) {
          h.counted_events.add(times.back().unix_seconds, e.time.millis, *kind, e.interface);
        }
        if (selectors_) select_event(h, e, times.back());
      }
      h.event_blocks = store::encode_event_blocks(views, bytes_);
    }
    events_.clear();
  }

  // Keeps the events a detection rule reads, so the engine never decodes the blocks again.
  void select_event(HostSnapshot& h, const parse::EventRecord& e, const parse::ResolvedInstant& time) {
    const std::uint64_t mask = selectors_->match(e.kind, e.message_id, e.message);
    if (!mask) return;
    insights::SelectedEvent s;
    if (time.unix_seconds) s.time_ms = *time.unix_seconds * 1000 + e.time.millis;
    s.mask = mask;
    s.offset = e.source.offset;
    s.length = e.source.length;
    s.interface = e.interface.value_or("");
    s.message_id = e.message_id;
    h.selected_events.push_back(std::move(s));
  }

  const MemberInput& member_;
  std::string_view bytes_;  // raw: hashed, stored, and what every range points into
  parse::CleanText clean_;
  std::string_view text_;   // cleaned: what the splitter and the parsers see
  const parse::ParserRegistry& registry_;
  const insights::EventSelectorSet* selectors_;
  FileBatch batch_;
  std::unordered_map<std::string, PlatformGuess> platforms_;
  std::unordered_map<std::string, std::size_t> host_by_name_;
  std::vector<std::vector<parse::EventRecord>> events_;  // per host, until encoded
  std::unordered_map<std::size_t, std::size_t> telemetry_by_host_;
};

}  // namespace

store::FileBatch parse_member(MemberInput member, const parse::ParserRegistry& registry,
                              const insights::EventSelectorSet* selectors) {
  return MemberParser(member, registry, selectors && !selectors->empty() ? selectors : nullptr).run();
}

}  // namespace st::ingest
