#include "diff/object_reader.h"

#include <algorithm>

#include <fmt/format.h>

namespace st::diff {

using Json = nlohmann::json;
using store::ObjectValue;

Result<LoadedObjects> ObjectReader::read(const DiffKind& kind, RunId run, std::int64_t device) {
  auto& slot = statements_[kind.name];
  if (!slot) {
    std::string columns;
    if (kind.json_row) {
      columns = ", t.row_json";
    } else {
      for (const auto& f : kind.fields) columns += fmt::format(", t.\"{}\"", f.name);
    }
    ST_TRY(auto stmt, db_.prepare(fmt::format(
        "SELECT t.object_key, t.content_hash, f.path, t.offset, t.length{} FROM {} t "
        "LEFT JOIN files f ON f.id = t.file_id WHERE t.run_id = ? AND t.device_id = ?",
        columns, kind.table)));
    slot.emplace(std::move(stmt));
  }
  auto& stmt = *slot;
  stmt.bind_all(store::SqlValue{run.value}, store::SqlValue{device});
  LoadedObjects out;
  const int first = 5;
  const int count = kind.json_row ? 1 : static_cast<int>(kind.fields.size());
  while (true) {
    ST_TRY(bool more, stmt.step());
    if (!more) break;
    LoadedObject o;
    o.hash = stmt.text(1);
    if (!stmt.is_null(2) && !stmt.is_null(3)) {
      o.source = store::SourceRef{stmt.text(2), static_cast<std::uint64_t>(stmt.int64(3)),
                                  static_cast<std::uint64_t>(stmt.int64(4))};
    }
    o.values.reserve(static_cast<std::size_t>(count));
    for (int c = first; c < first + count; ++c) {
      if (stmt.is_null(c)) o.values.emplace_back(std::monostate{});
      else if (stmt.is_integer(c)) o.values.emplace_back(stmt.int64(c));
      else o.values.emplace_back(stmt.text(c));
    }
    out.insert_or_assign(stmt.text(0), std::move(o));
  }
  return out;
}

Json json_of(const ObjectValue& v, char list_separator) {
  if (std::holds_alternative<std::monostate>(v)) return nullptr;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  const std::string& s = std::get<std::string>(v);
  if (!list_separator) return s;
  Json list = Json::array();
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t end = std::min(s.find(list_separator, start), s.size());
    if (end > start) list.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return list;
}

std::vector<FieldChange> changed_fields(const Comparison& c, const LoadedObject& a, const LoadedObject& b) {
  std::vector<FieldChange> out;
  if (c.kind.json_row) {
    const Json old_row = Json::parse(std::get<std::string>(a.values[0]), nullptr, false);
    const Json new_row = Json::parse(std::get<std::string>(b.values[0]), nullptr, false);
    if (!old_row.is_object() || !new_row.is_object()) return out;
    for (const auto& [name, value] : new_row.items()) {
      const Json old_value = old_row.contains(name) ? old_row.at(name) : Json(nullptr);
      if (old_value == value) continue;
      const bool is_volatile = is_volatile_record_field(name);
      if (!is_volatile || c.include_volatile) out.push_back({name, old_value, value, is_volatile, {}, {}});
    }
    for (const auto& [name, value] : old_row.items()) {
      if (new_row.contains(name)) continue;
      const bool is_volatile = is_volatile_record_field(name);
      if (!is_volatile || c.include_volatile) out.push_back({name, value, nullptr, is_volatile, {}, {}});
    }
    return out;
  }
  for (std::size_t i = 0; i < c.kind.fields.size(); ++i) {
    const DiffField& field = c.kind.fields[i];
    if (a.values[i] == b.values[i]) continue;
    if (field.is_volatile && !c.include_volatile) continue;
    FieldChange change{field.name, json_of(a.values[i], field.list_separator), json_of(b.values[i], field.list_separator),
                       field.is_volatile, {}, {}};
    const auto* old_number = std::get_if<std::int64_t>(&a.values[i]);
    const auto* new_number = std::get_if<std::int64_t>(&b.values[i]);
    if (field.is_volatile && old_number && new_number) {
      change.delta = *new_number - *old_number;
      if (c.minutes && *c.minutes > 0) change.per_minute = static_cast<double>(*change.delta) / *c.minutes;
    }
    out.push_back(std::move(change));
  }
  return out;
}

Json values_json(const DiffKind& kind, const LoadedObject& object) {
  if (kind.json_row) return Json::parse(std::get<std::string>(object.values[0]), nullptr, false);
  Json out = Json::object();
  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    out[kind.fields[i].name] = json_of(object.values[i], kind.fields[i].list_separator);
  }
  return out;
}

}  // namespace st::diff
