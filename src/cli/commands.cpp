#include "cli/commands.h"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <variant>
#include <ostream>

#include "cli/diff_command.h"
#include "cli/exit_codes.h"
#include "cli/generate_command.h"
#include "cli/detection_rules_command.h"
#include "cli/insights_command.h"
#include "cli/json_output.h"
#include "cli/metrics_command.h"
#include "cli/runbook_command.h"
#include "cli/store_access.h"
#include "cli/text_table.h"
#include "rules/command_coverage.h"
#include "ingest/ingest_pipeline.h"
#include "rules/user_rules.h"
#include "model/object_kind.h"
#include "store/listings.h"
#include "store/object_listing.h"
#include "store/record_listing.h"
#include "store/raw_reader.h"
#include "store/store.h"

namespace st::cli {
namespace {

std::string show(const std::optional<std::string>& v) { return v.value_or("-"); }

Result<store::ListingFilter> filter_of(const CliArgs& args) {
  store::ListingFilter filter;
  ST_TRY(auto run, args.get_int("--run"));
  if (run) filter.run = RunId{*run};
  filter.device = args.get("--device");
  filter.site = args.get("--site");
  filter.zone = args.get("--zone");
  filter.building = args.get("--building");
  filter.room = args.get("--room");
  return filter;
}

Result<int> ingest(const CliArgs& args, std::ostream& out) {
  ingest::IngestOptions options;
  options.bundle = args.positional.at(0);
  options.site = args.get("--site");
  if (auto pattern = args.get("--site-pattern")) options.site_pattern = *pattern;
  ST_TRY(auto threads, args.get_int("--threads"));
  if (threads) options.threads = static_cast<unsigned>(*threads);
  options.force = args.has("--force");
  options.detect = !args.has("--no-detect");
  ST_TRY(auto max_member_mb, args.get_int("--max-member-mb"));  // archive limits (bundle::BundleLimits)
  if (max_member_mb) options.limits.max_member_bytes = static_cast<std::uint64_t>(*max_member_mb) << 20;
  ST_TRY(auto max_ratio, args.get_int("--max-ratio"));
  if (max_ratio) options.limits.max_expansion_ratio = static_cast<double>(*max_ratio);
  ST_TRY(auto keep_runs, args.get_int("--keep-runs"));
  if (keep_runs) options.keep_runs = static_cast<int>(*keep_runs);
  // Refuse a missing bundle before the store is created or touched.
  if (std::error_code ec; !std::filesystem::exists(options.bundle, ec)) {
    return fail(Error{ErrorKind::InputRefused, "no such file or directory", options.bundle.string(), {}, {}, {}});
  }
  auto path = store::resolve_store_path(args.get("--store"));
  if (auto templates = args.get("--templates")) options.templates = *templates;
  ST_TRY(auto db, store::open_store(path, store::OpenMode::ReadWrite));
  ST_TRY(auto registry, rules::registry_for_ingest(db));
  ST_TRY(auto summary, ingest::ingest_bundle(db, registry, options));
  if (args.json) {
    out << dump(to_json(summary)) << '\n';
    return kOk;
  }
  auto count = [&](const char* status) {
    auto it = summary.sections_by_status.find(status);
    return it == summary.sections_by_status.end() ? std::size_t{0} : it->second;
  };
  if (summary.duplicate_of) {
    out << fmt::format("already stored: every one of the {} file(s) is in run {}; nothing written "
                       "(--force stores it again)\n",
                       summary.files, summary.duplicate_of->value);
    return kOk;
  }
  out << fmt::format("run {}: {} file(s), {} device(s)\n", summary.run.value, summary.files, summary.devices);
  out << fmt::format("sections: {} parsed, {} unknown, {} failed\n", count("parsed"), count("unknown"),
                     count("failed"));
  if (!summary.skipped_members.empty()) {
    out << fmt::format("skipped {} file(s) that are not .log captures\n", summary.skipped_members.size());
  }
  for (const auto& warning : summary.warnings) out << "warning: " << warning << '\n';
  if (summary.pruned_snapshots) {
    out << fmt::format("pruned {} older device snapshot(s): each device keeps its last {} runs in full\n",
                       summary.pruned_snapshots, options.keep_runs);
  }
  out << fmt::format("{:.2f} MB in {:.3f} s ({:.1f} MB/s, {} events, {} rows, {} parser thread(s))\n",
                     summary.bytes / 1e6, summary.seconds, summary.megabytes_per_second(), summary.events,
                     summary.rows, summary.threads);
  out << fmt::format("insights: {} card(s), detection {:.3f} s ({:.1f}% of the ingest)\n", summary.insights,
                     summary.detect_seconds, summary.seconds > 0 ? 100 * summary.detect_seconds / summary.seconds : 0);
  out << fmt::format("store: {}\n", path.string());
  return kOk;
}

template <class Row>
int print_rows(const CliArgs& args, std::ostream& out, const std::vector<Row>& rows, TextTable table) {
  if (args.json) {
    out << dump(to_json_array(rows)) << '\n';
  } else {
    table.print(out);
  }
  return kOk;
}

Result<int> runs(const CliArgs& args, std::ostream& out) {
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto rows, store::list_runs(db));
  TextTable t({"RUN", "CAPTURED", "FROM", "SITE", "BUNDLE"});
  for (const auto& r : rows) {
    t.add({std::to_string(r.id.value), show(r.captured_at), r.captured_at_source, show(r.site), r.bundle});
  }
  return print_rows(args, out, rows, std::move(t));
}

Result<int> devices(const CliArgs& args, std::ostream& out) {
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto filter, filter_of(args));
  ST_TRY(auto rows, store::list_devices(db, filter));
  TextTable t({"RUN", "SITE", "HOSTNAME", "MODEL", "VERSION", "SERIAL", "UPTIME"});
  for (const auto& r : rows) {
    t.add({std::to_string(r.run.value), r.site, r.hostname, show(r.model), show(r.os_version), show(r.serial),
           show(r.uptime)});
  }
  return print_rows(args, out, rows, std::move(t));
}

Result<int> interfaces(const CliArgs& args, std::ostream& out) {
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto filter, filter_of(args));
  ST_TRY(auto rows, store::list_interfaces(db, filter));
  TextTable t({"DEVICE", "NAME", "STATUS", "VLAN", "DUPLEX", "SPEED", "TYPE", "DESCRIPTION"});
  for (const auto& r : rows) {
    t.add({r.device, r.name, show(r.status), show(r.vlan), show(r.duplex), show(r.speed), show(r.type),
           show(r.description)});
  }
  return print_rows(args, out, rows, std::move(t));
}

// Streamed: a store can hold millions of events, more than fit in memory as rows or JSON.
Result<int> events(const CliArgs& args, std::ostream& out) {
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto filter, filter_of(args));
  if (args.json) {
    JsonArrayStream array(out);
    ST_CHECK(store::for_each_event(db, filter, [&](store::EventRow&& r) { array.add(to_json(r)); }));
    array.finish();
    return kOk;
  }
  TextTable t({"DEVICE", "TIMESTAMP", "MESSAGE_ID", "INTERFACE", "MESSAGE"});
  ST_CHECK(store::for_each_event(db, filter, [&](store::EventRow&& r) {
    std::string message = r.message.substr(0, r.message.find('\n'));
    t.add({r.device, r.timestamp.value_or(r.timestamp_raw), r.message_id, show(r.interface), message});
  }));
  t.print(out);
  return kOk;
}

Result<int> coverage(const CliArgs& args, std::ostream& out) {
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto filter, filter_of(args));
  ST_TRY(auto rows, rules::command_coverage(db, filter));
  TextTable t({"RUN", "DEVICE", "PLATFORM", "CAPTURED", "MISSING (type these)"});
  for (const auto& r : rows) {
    std::string missing;
    for (const auto& m : r.missing) missing += (missing.empty() ? "" : ", ") + m.syntax;
    for (const auto& m : r.partial) missing += (missing.empty() ? "" : ", ") + m.syntax + " (only filtered)";
    const std::size_t have = r.recommended - r.missing.size() - r.partial.size();
    t.add({std::to_string(r.run.value), r.hostname, r.platform.empty() ? "-" : r.platform,
           r.recommended ? fmt::format("{}/{}", have, r.recommended) : "-",
           r.recommended ? (missing.empty() ? "none" : missing) : "no command list for this platform"});
  }
  return print_rows(args, out, rows, std::move(t));
}

Result<int> sections(const CliArgs& args, std::ostream& out) {
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto filter, filter_of(args));
  ST_TRY(auto rows, store::list_sections(db, filter));
  TextTable t({"RUN", "DEVICE", "COMMAND", "STATUS", "REASON", "FILE", "OFFSET", "LENGTH"});
  for (const auto& r : rows) {
    t.add({std::to_string(r.run.value), show(r.device), r.command.empty() ? "-" : r.command, r.status,
           show(r.reason), r.source.file, std::to_string(r.source.offset), std::to_string(r.source.length)});
  }
  return print_rows(args, out, rows, std::move(t));
}

Result<int> records(const CliArgs& args, std::ostream& out) {
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto filter, filter_of(args));
  ST_TRY(auto rows, store::list_records(db, filter, args.get("--command")));
  TextTable t({"RUN", "DEVICE", "COMMAND", "PARSER", "RECORD"});
  for (const auto& r : rows) t.add({std::to_string(r.run.value), r.device, r.command, r.parser, dump(r.row, -1)});
  return print_rows(args, out, rows, std::move(t));
}

// Any object kind's listing (model/object_kind.h): key columns and the first few others in
// the text table, every column in JSON.
Result<int> objects(const model::ObjectKind& kind, const CliArgs& args, std::ostream& out) {
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto filter, filter_of(args));
  ST_TRY(auto rows, store::list_objects(db, kind, filter));
  constexpr std::size_t kTextColumns = 8;
  std::vector<std::string> header{"RUN", "DEVICE"};
  for (std::size_t c = 0; c < kind.columns.size() && c < kTextColumns; ++c) {
    std::string name(kind.columns[c].name);
    for (char& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    header.push_back(std::move(name));
  }
  TextTable t(header);
  for (const auto& r : rows) {
    std::vector<std::string> cells{std::to_string(r.run.value), r.device};
    for (std::size_t c = 0; c < r.values.size() && c < kTextColumns; ++c) {
      const auto& v = r.values[c];
      if (std::holds_alternative<std::int64_t>(v)) cells.push_back(std::to_string(std::get<std::int64_t>(v)));
      else if (std::holds_alternative<std::string>(v)) cells.push_back(std::get<std::string>(v).substr(0, 60));
      else cells.push_back("-");
    }
    t.add(cells);
  }
  return print_rows(args, out, rows, std::move(t));
}

Result<int> raw(const CliArgs& args, std::ostream& out) {
  ST_TRY(auto run, args.get_int("--run"));
  ST_TRY(auto offset, args.get_int("--offset"));
  ST_TRY(auto length, args.get_int("--length"));
  auto file = args.get("--file");
  if (!run || !offset || !length || !file) {
    return fail(ErrorKind::Usage, "usage: statetrace-cli raw --run N --file FILE --offset A --length B");
  }
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto bytes, store::read_raw(db, RunId{*run}, *file,
                                     ByteRange{static_cast<std::uint64_t>(*offset), static_cast<std::uint64_t>(*length)}));
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return kOk;
}

}  // namespace

Result<int> run_command(const CliArgs& args, std::ostream& out) {
  if (args.command == "ingest") return ingest(args, out);
  if (args.command == "runs") return runs(args, out);
  if (args.command == "devices") return devices(args, out);
  if (args.command == "interfaces") return interfaces(args, out);
  if (args.command == "events") return events(args, out);
  if (args.command == "sections") return sections(args, out);
  if (args.command == "coverage") return coverage(args, out);
  if (args.command == "raw") return raw(args, out);
  if (args.command == "records") return records(args, out);
  if (args.command == "generate") return generate_command(args, out);
  if (args.command == "diff") return diff_command(args, out);
  if (args.command == "history") return history_command(args, out);
  if (args.command == "metrics") return metrics_command(args, out);
  if (args.command == "insights") return insights_command(args, out);
  if (args.command == "clusters") return clusters_command(args, out);
  if (args.command == "rules") return detection_rules_command(args, out);
  if (args.command == "runbook") return runbook_command(args, out);
  if (args.command == "checklist") return checklist_command(args, out);
  if (args.command == "escalation") return escalation_command(args, out);
  if (const auto* kind = model::object_kind_by_listing(args.command)) return objects(*kind, args, out);
  return fail(ErrorKind::Usage, fmt::format("unknown command '{}'", args.command));
}

}  // namespace st::cli
