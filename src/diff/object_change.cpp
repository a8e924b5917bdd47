#include "diff/object_change.h"

namespace st::diff {
namespace {

using Json = nlohmann::json;

Json source_json(const std::optional<store::SourceRef>& s) {
  if (!s) return nullptr;
  return Json{{"file", s->file}, {"offset", s->offset}, {"length", s->length}};
}

std::optional<store::SourceRef> source_from(const Json& j) {
  if (!j.is_object()) return std::nullopt;
  return store::SourceRef{j.at("file").get<std::string>(), j.at("offset").get<std::uint64_t>(),
                          j.at("length").get<std::uint64_t>()};
}

Json fields_json(const std::vector<FieldChange>& fields) {
  Json out = Json::array();
  for (const auto& f : fields) {
    Json j{{"name", f.name}, {"old", f.old_value}, {"new", f.new_value}};
    if (f.is_volatile) j["volatile"] = true;
    if (f.delta) j["delta"] = *f.delta;
    if (f.per_minute) j["per_minute"] = *f.per_minute;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

std::string_view to_string(ChangeType change) {
  switch (change) {
    case ChangeType::Added: return "added";
    case ChangeType::Removed: return "removed";
    case ChangeType::Changed: return "changed";
    case ChangeType::NotCaptured: return "not_captured";
  }
  return "changed";
}

std::optional<ChangeType> change_type_from(std::string_view text) {
  for (auto c : {ChangeType::Added, ChangeType::Removed, ChangeType::Changed, ChangeType::NotCaptured}) {
    if (to_string(c) == text) return c;
  }
  return std::nullopt;
}

Json to_json(const ObjectChange& c) {
  Json j{{"device", c.device}, {"site", c.site},       {"kind", c.kind},
         {"key", c.key},       {"change", to_string(c.change)}, {"fields", fields_json(c.fields)},
         {"from_run", c.from_run.value}, {"to_run", c.to_run.value},
         {"source", {{"from", source_json(c.from_source)}, {"to", source_json(c.to_source)}}}};
  if (c.change == ChangeType::NotCaptured) j["missing_in"] = c.missing_in;
  return j;
}

Json detail_json(const ObjectChange& c) {
  Json j{{"fields", fields_json(c.fields)}, {"from", source_json(c.from_source)}, {"to", source_json(c.to_source)}};
  if (!c.missing_in.empty()) j["missing_in"] = c.missing_in;
  return j;
}

ObjectChange from_detail_json(const Json& detail) {
  ObjectChange c;
  for (const auto& f : detail.at("fields")) {
    FieldChange field{f.at("name").get<std::string>(), f.at("old"), f.at("new"), f.value("volatile", false), {}, {}};
    if (f.contains("delta")) field.delta = f.at("delta").get<std::int64_t>();
    if (f.contains("per_minute")) field.per_minute = f.at("per_minute").get<double>();
    c.fields.push_back(std::move(field));
  }
  c.from_source = source_from(detail.at("from"));
  c.to_source = source_from(detail.at("to"));
  c.missing_in = detail.value("missing_in", "");
  return c;
}

}  // namespace st::diff
