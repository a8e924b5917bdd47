#include "cli/json_output.h"

namespace st::cli {
namespace {

Json optional(const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); }
Json optional(const std::optional<std::int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

Json source(const store::SourceRef& s) { return Json{{"file", s.file}, {"offset", s.offset}, {"length", s.length}}; }

}  // namespace

Json to_json(const store::RecordRow& r) {
  return Json{{"run", r.run.value},   {"device", r.device}, {"command", r.command}, {"parser", r.parser},
              {"object_key", r.object_key}, {"row", r.row}, {"source", source(r.source)}};
}

Json to_json(const store::RunRow& r) {
  return Json{{"id", r.id.value},
              {"bundle", r.bundle},
              {"site", optional(r.site)},
              {"ingested_at", r.ingested_at},
              {"captured_at", optional(r.captured_at)},
              {"captured_at_source", r.captured_at_source},
              {"status", r.status}};
}

Json to_json(const store::DeviceRow& r) {
  return Json{{"run", r.run.value},
              {"hostname", r.hostname},
              {"site", r.site},
              {"vendor", optional(r.vendor)},
              {"platform", optional(r.platform)},
              {"model", optional(r.model)},
              {"os_version", optional(r.os_version)},
              {"serial", optional(r.serial)},
              {"uptime", optional(r.uptime)},
              {"reload_reason", optional(r.reload_reason)},
              {"location", optional(r.location)},
              {"zone", optional(r.zone)},
              {"building", optional(r.building)},
              {"floor", optional(r.floor)},
              {"room", optional(r.room)},
              {"row", optional(r.row)},
              {"rack", optional(r.rack)},
              {"source", r.source ? source(*r.source) : Json(nullptr)}};
}

Json to_json(const store::InterfaceRow& r) {
  return Json{{"run", r.run.value},
              {"device", r.device},
              {"name", r.name},
              {"name_raw", r.name_raw},
              {"status", optional(r.status)},
              {"vlan", optional(r.vlan)},
              {"duplex", optional(r.duplex)},
              {"speed", optional(r.speed)},
              {"type", optional(r.type)},
              {"description", optional(r.description)},
              {"mode", optional(r.mode)},
              {"access_vlan", optional(r.access_vlan)},
              {"voice_vlan", optional(r.voice_vlan)},
              {"port_type", optional(r.port_type)},
              {"auth_template", optional(r.auth_template)},
              {"auth_state", optional(r.auth_state)},
              {"auth_method", optional(r.auth_method)},
              {"compliance", optional(r.compliance)},
              {"compliance_template", optional(r.compliance_template)},
              {"missing_auth_commands", r.missing_auth_commands},
              {"learned_macs", r.learned_macs ? Json(*r.learned_macs) : Json(nullptr)},
              {"site", r.site},
              {"zone", optional(r.zone)},
              {"building", optional(r.building)},
              {"room", optional(r.room)},
              {"source", source(r.source)}};
}

Json to_json(const store::ObjectRow& r) {
  Json out{{"run", r.run.value}, {"device", r.device}};
  for (std::size_t c = 0; c < r.values.size(); ++c) {
    const auto& column = r.kind->columns[c];
    const auto& v = r.values[c];
    Json& slot = out[std::string(column.name)];
    if (std::holds_alternative<std::int64_t>(v)) {
      slot = std::get<std::int64_t>(v);
    } else if (std::holds_alternative<std::string>(v)) {
      const auto& text = std::get<std::string>(v);
      if (column.type == model::ColumnType::List || column.type == model::ColumnType::InterfaceList) {
        slot = Json::array();
        for (std::size_t i = 0; i < text.size();) {
          std::size_t j = text.find(' ', i);
          if (j == std::string::npos) j = text.size();
          if (j > i) slot.push_back(text.substr(i, j - i));
          i = j + 1;
        }
      } else {
        slot = text;
      }
    } else {
      slot = nullptr;
    }
  }
  out["source"] = source(r.source);
  return out;
}

Json to_json(const store::EventRow& r) {
  return Json{{"run", r.run.value},
              {"device", r.device},
              {"timestamp", optional(r.timestamp)},
              {"timestamp_raw", r.timestamp_raw},
              {"time_quality", r.time_quality},
              {"facility", r.facility},
              {"severity", optional(r.severity)},
              {"mnemonic", r.mnemonic},
              {"message_id", r.message_id},
              {"interface", optional(r.interface)},
              {"message", r.message},
              {"kind", r.kind},
              {"source", source(r.source)}};
}

Json to_json(const store::SectionRow& r) {
  return Json{{"run", r.run.value},
              {"device", optional(r.device)},
              {"command", r.command},
              {"canonical_command", optional(r.canonical_command)},
              {"filter", optional(r.filter)},
              {"status", r.status},
              {"reason", optional(r.reason)},
              {"parser", optional(r.parser)},
              {"source", source(r.source)}};
}

Json to_json(const rules::DeviceCoverage& r) {
  const auto commands = [](const std::vector<rules::RecommendedCommand>& list) {
    Json out = Json::array();
    for (const auto& c : list) {
      out.push_back(Json{{"command", c.canonical},
                         {"syntax", c.syntax},
                         {"priority", c.required ? "required" : "recommended"},
                         {"why", c.why}});
    }
    return out;
  };
  Json captured = Json::array();
  for (const auto& c : r.captured) captured.push_back(Json{{"command", c.canonical}, {"status", c.status}, {"partial", c.partial}});
  return Json{{"run", r.run.value},
              {"device", r.hostname},
              {"site", r.site},
              {"platform", r.platform.empty() ? Json(nullptr) : Json(r.platform)},
              {"recommended", r.recommended},
              {"captured", std::move(captured)},
              {"missing", commands(r.missing)},
              {"partial", commands(r.partial)}};
}

Json to_json(const ingest::IngestSummary& s) {
  Json sections = Json::object();
  for (const char* status : {"parsed", "unknown", "failed"}) {
    auto it = s.sections_by_status.find(status);
    sections[status] = it == s.sections_by_status.end() ? 0 : it->second;
  }
  return Json{{"run", s.duplicate_of ? Json(nullptr) : Json(s.run.value)},
              {"duplicate_of", s.duplicate_of ? Json(s.duplicate_of->value) : Json(nullptr)},
              {"files", s.files},
              {"devices", s.devices},
              {"sections", sections},
              {"skipped_files", s.skipped_members},
              {"warnings", s.warnings},
              {"rows", s.rows},
              {"events", s.events},
              {"threads", s.threads},
              {"megabytes", static_cast<double>(s.bytes) / 1e6},
              {"seconds", s.seconds},
              {"diff_seconds", s.diff_seconds},
              {"pruned_snapshots", s.pruned_snapshots},
              {"insights", s.insights},
              {"detect_seconds", s.detect_seconds},
              {"rule_seconds", [&] {
                 Json rules = Json::object();
                 for (const auto& [id, seconds] : s.rule_seconds) rules[id] = seconds;
                 return rules;
               }()},
              {"megabytes_per_second", s.megabytes_per_second()}};
}

Json to_json(const Error& e) {
  Json inner{{"kind", std::string(to_string(e.kind))},
             {"message", e.message},
             {"file", e.file.empty() ? Json(nullptr) : Json(e.file)},
             {"line", e.line ? Json(*e.line) : Json(nullptr)},
             {"offset", e.offset ? Json(*e.offset) : Json(nullptr)},
             {"hint", e.hint.empty() ? Json(nullptr) : Json(e.hint)}};
  return Json{{"error", inner}};
}

std::string dump(const Json& json, int indent) {
  return json.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

void JsonArrayStream::add(const Json& element) {
  out_ << (empty_ ? "[\n" : ",\n");
  empty_ = false;
  // dump() indents an element of an indented array by two more spaces on every line.
  const std::string text = dump(element);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out_ << "  ";
    out_.write(text.data() + start, static_cast<std::streamsize>(end - start));
    if (end < text.size()) out_ << '\n';
    start = end + 1;
  }
}

void JsonArrayStream::finish() { out_ << (empty_ ? "[]\n" : "\n]\n"); }

}  // namespace st::cli
