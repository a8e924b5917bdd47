#include "cli/diff_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <ostream>

#include "cli/exit_codes.h"
#include "cli/store_access.h"
#include "cli/text_table.h"
#include "diff/device_captures_diff.h"
#include "diff/object_history.h"
#include "diff/stored_diff.h"

namespace st::cli {
namespace {

using Json = nlohmann::json;
using store::SqlValue;

Result<std::optional<std::int64_t>> one_int(store::Database& db, std::string_view sql, std::vector<std::int64_t> params) {
  ST_TRY(auto stmt, db.prepare(sql));
  stmt.reset();
  for (std::size_t i = 0; i < params.size(); ++i) stmt.bind(static_cast<int>(i + 1), SqlValue{params[i]});
  ST_TRY(bool row, stmt.step());
  if (!row) return std::optional<std::int64_t>{};
  return stmt.optional_int64(0);
}

Result<const diff::DiffKind*> kind_of(const std::string& word) {
  const auto kinds = diff::diff_kinds_for(word);
  if (kinds.empty()) {
    return fail(ErrorKind::Usage, fmt::format("--kind {}: not a kind; one of: {}", word,
                                              fmt::join(diff::diff_kind_words(), ", ")));
  }
  return kinds.front();
}

std::string text_of(const Json& v) {
  if (v.is_null()) return "-";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v) out += (out.empty() ? "" : " ") + text_of(item);
    return out.empty() ? "-" : out;
  }
  return v.dump();
}

// A multi-line value (a configuration stanza) as the lines it lost and gained.
std::string lines_changed(const std::string& before, const std::string& after) {
  auto split = [](const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      lines.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    return lines;
  };
  const auto old_lines = split(before), new_lines = split(after);
  std::string out;
  for (const auto& l : old_lines) {
    if (std::find(new_lines.begin(), new_lines.end(), l) == new_lines.end()) out += (out.empty() ? "-" : " | -") + l;
  }
  for (const auto& l : new_lines) {
    if (std::find(old_lines.begin(), old_lines.end(), l) == old_lines.end()) out += (out.empty() ? "+" : " | +") + l;
  }
  return out.empty() ? "(lines reordered)" : out;
}

// A list as the items it lost and gained ("-Gi1/0/30 +Gi1/0/44").
std::string items_changed(const Json& before, const Json& after) {
  std::string out;
  for (const auto& item : before) {
    if (std::find(after.begin(), after.end(), item) == after.end()) out += (out.empty() ? "-" : " -") + text_of(item);
  }
  for (const auto& item : after) {
    if (std::find(before.begin(), before.end(), item) == before.end()) out += (out.empty() ? "+" : " +") + text_of(item);
  }
  return out.empty() ? "(reordered)" : out;
}

std::string fields_text(const diff::ObjectChange& c) {
  if (c.change == diff::ChangeType::NotCaptured) return fmt::format("not captured in run {}", c.missing_in == "to" ? c.to_run.value : c.from_run.value);
  std::string out;
  for (const auto& f : c.fields) {
    const bool multi_line = f.old_value.is_string() && f.new_value.is_string() &&
                            (f.old_value.get<std::string>().find('\n') != std::string::npos ||
                             f.new_value.get<std::string>().find('\n') != std::string::npos);
    std::string one;
    if (multi_line) {
      one = fmt::format("{}: {}", f.name, lines_changed(f.old_value.get<std::string>(), f.new_value.get<std::string>()));
    } else if (f.old_value.is_array() && f.new_value.is_array()) {
      one = fmt::format("{}: {}", f.name, items_changed(f.old_value, f.new_value));  // VLAN ports, learned MACs
    } else {
      one = fmt::format("{}: {} -> {}", f.name, text_of(f.old_value), text_of(f.new_value));
    }
    if (f.delta) one += fmt::format(" ({:+})", *f.delta);
    if (f.per_minute) one += fmt::format(" {:.1f}/min", *f.per_minute);
    out += (out.empty() ? "" : "; ") + one;
  }
  return out;
}

std::string key_of(const diff::ObjectChange& c) {
  const std::string prefix = c.kind + ":";
  return c.key.starts_with(prefix) ? c.key.substr(prefix.size()) : c.key;
}

int print_device_captures(const std::string& device, const diff::DeviceCaptures& captures, bool json, std::ostream& out) {
  if (json) {
    Json runs = Json::array();
    for (const auto& r : captures.runs) runs.push_back(r.value);
    Json list = Json::array();
    for (const auto& c : captures.changes) list.push_back(diff::to_json(c));
    out << Json{{"device", device}, {"runs", runs}, {"changes", std::move(list)}}.dump(2) << "\n";
    return kOk;
  }
  std::string runs;
  for (const auto& r : captures.runs) runs += fmt::format("{}{}", runs.empty() ? "" : ", ", r.value);
  out << fmt::format("{}: {} capture(s) (runs {}), {} change(s)\n", device, captures.runs.size(), runs,
                     captures.changes.size());
  if (captures.changes.empty()) return kOk;
  TextTable t({"RUNS", "KIND", "KEY", "CHANGE", "FIELDS"});
  for (const auto& c : captures.changes) {
    t.add({fmt::format("{} -> {}", c.from_run.value, c.to_run.value), c.kind, key_of(c),
           std::string(diff::to_string(c.change)), fields_text(c)});
  }
  t.print(out);
  return kOk;
}

}  // namespace

Result<int> diff_command(const CliArgs& args, std::ostream& out) {
  ST_TRY(auto db, open_for_reading(args));
  ST_TRY(auto to_arg, args.get_int("--to"));
  ST_TRY(auto from_arg, args.get_int("--from"));
  diff::DiffOptions options;
  options.include_volatile = args.has("--include-volatile");
  if (auto word = args.get("--kind")) {
    ST_TRY(auto kind, kind_of(*word));
    options.kinds.push_back(kind);
  }
  ST_TRY(auto last, args.get_int("--last"));
  if (last) {
    // One device through its last N captures, capture against capture.
    const auto device = args.get("--device");
    if (!device || args.get("--from") || args.get("--to")) {
      return fail(ErrorKind::Usage, "diff --last N takes --device HOST (and neither --from nor --to)");
    }
    ST_TRY(auto captures, diff::diff_device_captures(db, *device, static_cast<std::size_t>(std::max<std::int64_t>(*last, 0)),
                                                     options));
    return print_device_captures(*device, captures, args.json, out);
  }
  if (auto device = args.get("--device")) {
    ST_TRY(auto ids, diff::device_ids_of(db, *device));
    options.devices = std::move(ids);
  }

  std::int64_t to = 0;
  if (to_arg) {
    to = *to_arg;
  } else {
    ST_TRY(auto latest, one_int(db, "SELECT MAX(id) FROM runs", {}));
    if (!latest) return fail(ErrorKind::NotFound, "the store holds no run yet");
    to = *latest;
  }
  ST_TRY(auto exists, one_int(db, "SELECT id FROM runs WHERE id = ?", {to}));
  if (!exists) return fail(ErrorKind::NotFound, fmt::format("no run {} in the store", to));

  // Without --from: one device against its own previous capture, else the run before --to.
  std::vector<diff::ObjectChange> changes;
  std::optional<std::int64_t> from = from_arg;
  if (!from && options.devices) {
    ST_TRY(changes, diff::diff_since_previous(db, RunId{to}, options));
  } else {
    if (!from) {
      ST_TRY(auto before, one_int(db, "SELECT MAX(id) FROM runs WHERE id < ?", {to}));
      if (!before) return fail(ErrorKind::NotFound, fmt::format("run {} is the first run: give --from", to));
      from = *before;
    }
    ST_TRY(auto from_exists, one_int(db, "SELECT id FROM runs WHERE id = ?", {*from}));
    if (!from_exists) return fail(ErrorKind::NotFound, fmt::format("no run {} in the store", *from));
    ST_TRY(changes, diff::diff_between(db, RunId{*from}, RunId{to}, options));
  }

  std::array<std::size_t, 4> counts{};
  for (const auto& c : changes) ++counts[static_cast<std::size_t>(c.change)];
  if (args.json) {
    Json list = Json::array();
    for (const auto& c : changes) list.push_back(diff::to_json(c));
    Json doc{{"from_run", from ? Json(*from) : Json(nullptr)}, {"to_run", to},
             {"summary", {{"added", counts[0]}, {"removed", counts[1]}, {"changed", counts[2]}, {"not_captured", counts[3]}}},
             {"changes", std::move(list)}};
    out << doc.dump(2) << "\n";
    return kOk;
  }
  out << fmt::format("run {} against {}: {} added, {} removed, {} changed, {} not captured\n", to,
                     from ? fmt::format("run {}", *from) : std::string("each device's previous run"), counts[0],
                     counts[1], counts[2], counts[3]);
  if (changes.empty()) return kOk;
  TextTable t({"DEVICE", "KIND", "KEY", "CHANGE", "FIELDS"});
  for (const auto& c : changes) {
    const std::string prefix = c.kind + ":";
    const std::string key = c.key.starts_with(prefix) ? c.key.substr(prefix.size()) : c.key;
    t.add({c.device, c.kind, key, std::string(diff::to_string(c.change)), fields_text(c)});
  }
  t.print(out);
  return kOk;
}

Result<int> history_command(const CliArgs& args, std::ostream& out) {
  auto device = args.get("--device");
  auto word = args.get("--kind");
  auto key = args.get("--key");
  if (!device || !word || !key) {
    return fail(ErrorKind::Usage, "usage: statetrace-cli history --device HOST --kind KIND --key KEY [--last N]");
  }
  ST_TRY(auto last, args.get_int("--last"));
  ST_TRY(auto kind, kind_of(*word));
  ST_TRY(auto db, open_for_reading(args));
  diff::HistoryRequest request{*device, kind, *key, static_cast<std::size_t>(last.value_or(30)),
                               args.has("--include-volatile")};
  if (request.last == 0) return fail(ErrorKind::Usage, "--last must be at least 1");
  ST_TRY(auto entries, diff::object_history(db, request));
  if (args.json) {
    Json list = Json::array();
    for (const auto& e : entries) {
      Json fields = Json::array();
      for (const auto& f : e.fields) fields.push_back({{"name", f.name}, {"old", f.old_value}, {"new", f.new_value}});
      Json source = nullptr;
      if (e.source) source = {{"file", e.source->file}, {"offset", e.source->offset}, {"length", e.source->length}};
      list.push_back({{"run", e.run.value}, {"captured_at", e.captured_at ? Json(*e.captured_at) : Json(nullptr)},
                      {"change", e.change}, {"fields", std::move(fields)}, {"values", e.values}, {"source", source}});
    }
    out << list.dump(2) << "\n";
    return kOk;
  }
  TextTable t({"RUN", "CAPTURED", "CHANGE", "WHAT"});
  for (const auto& e : entries) {
    std::string what;
    if (e.change == "changed") {
      for (const auto& f : e.fields) {
        what += (what.empty() ? "" : "; ") + fmt::format("{}: {} -> {}", f.name, text_of(f.old_value), text_of(f.new_value));
      }
    } else if (e.values.is_object()) {
      for (const auto& [name, value] : e.values.items()) {
        if (!value.is_null()) what += (what.empty() ? "" : " ") + fmt::format("{}={}", name, text_of(value));
      }
    }
    t.add({std::to_string(e.run.value), e.captured_at.value_or("-"), e.change, what});
  }
  t.print(out);
  return kOk;
}

}  // namespace st::cli
