#include "diff/object_reader.h"

#include <algorithm>

#include <fmt/format.h>

namespace st::diff {

using Json = nlohmann::json;
using store::ObjectValue;

namespace {

std::string value_columns(const DiffKind& kind) {
  if (kind.json_row) return ", t.row_json";
  std::string columns;
  for (const auto& f : kind.fields) columns += fmt::format(", t.\"{}\"", f.name);
  return columns;
}

}  // namespace

Result<store::Statement*> ObjectReader::statement(std::map<std::string, std::optional<store::Statement>, std::less<>>& cache,
                                                 const DiffKind& kind, std::string_view what, std::string_view where) {
  auto& slot = cache[kind.name];
  if (!slot) {
    ST_TRY(auto stmt, db_.prepare(fmt::format("SELECT {} FROM {} t WHERE t.run_id = ? AND t.device_id = ?{}", what,
                                              kind.table, where)));
    slot.emplace(std::move(stmt));
  }
  return &*slot;
}

Result<const std::string*> ObjectReader::file_path(std::int64_t file) {
  auto it = file_paths_.find(file);
  if (it == file_paths_.end()) {
    if (!file_path_) {
      ST_TRY(auto s, db_.prepare("SELECT path FROM files WHERE id = ?"));
      file_path_.emplace(std::move(s));
    }
    file_path_->bind_all(store::SqlValue{file});
    ST_TRY(bool found, file_path_->step());
    it = file_paths_.emplace(file, found ? file_path_->text(0) : std::string()).first;
  }
  return &it->second;
}

Result<std::optional<store::SourceRef>> ObjectReader::source_of(const store::Statement& stmt, int file_column) {
  if (stmt.is_null(file_column) || stmt.is_null(file_column + 1)) return std::optional<store::SourceRef>{};
  ST_TRY(const std::string* path, file_path(stmt.int64(file_column)));
  return std::optional<store::SourceRef>{store::SourceRef{*path, static_cast<std::uint64_t>(stmt.int64(file_column + 1)),
                                                          static_cast<std::uint64_t>(stmt.int64(file_column + 2))}};
}

Result<std::optional<store::SourceRef>> ObjectReader::source_of(const IndexedObject& object) {
  if (object.file_id == 0) return std::optional<store::SourceRef>{};
  ST_TRY(const std::string* path, file_path(object.file_id));
  return std::optional<store::SourceRef>{store::SourceRef{*path, object.offset, object.length}};
}

void ObjectReader::read_values(const DiffKind& kind, const store::Statement& stmt, int first, LoadedObject& into) const {
  const int count = kind.json_row ? 1 : static_cast<int>(kind.fields.size());
  into.values.reserve(static_cast<std::size_t>(count));
  for (int c = first; c < first + count; ++c) {
    if (stmt.is_null(c)) into.values.emplace_back(std::monostate{});
    else if (stmt.is_integer(c)) into.values.emplace_back(stmt.int64(c));
    else into.values.emplace_back(stmt.text(c));
  }
}

Result<LoadedObjects> ObjectReader::read(const DiffKind& kind, RunId run, std::int64_t device) {
  ST_TRY(auto* stmt, statement(full_, kind, "t.object_key, t.content_hash, t.file_id, t.offset, t.length" + value_columns(kind), ""));
  stmt->bind_all(store::SqlValue{run.value}, store::SqlValue{device});
  LoadedObjects out;
  while (true) {
    ST_TRY(bool more, stmt->step());
    if (!more) break;
    LoadedObject o;
    o.hash = stmt->text(1);
    ST_TRY(o.source, source_of(*stmt, 2));
    read_values(kind, *stmt, 5, o);
    out.insert_or_assign(stmt->text(0), std::move(o));
  }
  return out;
}

Result<std::vector<IndexedObject>> ObjectReader::read_index(const DiffKind& kind, RunId run, std::int64_t device) {
  ST_TRY(auto* stmt, statement(index_, kind, "t.object_key, t.content_hash, t.file_id, t.offset, t.length",
                               " ORDER BY t.object_key"));
  stmt->bind_all(store::SqlValue{run.value}, store::SqlValue{device});
  std::vector<IndexedObject> out;
  while (true) {
    ST_TRY(bool more, stmt->step());
    if (!more) break;
    IndexedObject o{stmt->text(0), stmt->text(1), 0, 0, 0};
    if (!stmt->is_null(2) && !stmt->is_null(3)) {
      o.file_id = stmt->int64(2);
      o.offset = static_cast<std::uint64_t>(stmt->int64(3));
      o.length = static_cast<std::uint64_t>(stmt->int64(4));
    }
    // A key stored twice (one host in two files) keeps its last row, as read() does.
    if (!out.empty() && out.back().key == o.key) out.back() = std::move(o);
    else out.push_back(std::move(o));
  }
  return out;
}

Result<LoadedObject> ObjectReader::read_one(const DiffKind& kind, RunId run, std::int64_t device, std::string_view key) {
  ST_TRY(auto* stmt, statement(one_, kind, "t.content_hash, t.file_id, t.offset, t.length" + value_columns(kind),
                               " AND t.object_key = ?"));
  stmt->bind_all(store::SqlValue{run.value}, store::SqlValue{device}, store::SqlValue{key});
  LoadedObject o;
  while (true) {
    ST_TRY(bool more, stmt->step());
    if (!more) break;
    o.values.clear();
    o.hash = stmt->text(0);
    ST_TRY(o.source, source_of(*stmt, 1));
    read_values(kind, *stmt, 4, o);
  }
  if (o.hash.empty()) return fail(ErrorKind::Internal, fmt::format("object {} vanished while diffing", key));
  return o;
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
