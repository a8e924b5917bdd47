#include "rules/rule_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "parse/event_kind.h"
#include "parse/interface_name.h"
#include "parse/line_cursor.h"
#include "parse/port_ranges.h"
#include "textfsm/records_json.h"

namespace st::rules {

namespace {

using nlohmann::ordered_json;

template <class T>
std::optional<T> number(std::string_view s) {
  T v{};
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// One way a table field gets its value: a literal ("=cisco"), or a record field, whole or
// one item of a list ("HARDWARE[0]"). `slot` numbers the field references of a plan, so a
// row source resolves each to a column once per run.
struct Alternative {
  bool literal = false;
  std::string text;  // the literal, or the record field's name
  std::optional<std::size_t> item;
  std::size_t slot = 0;
};

// How one table field is filled: the first alternative with a value ("A|B|=x"), then the
// rule's value_map for that field.
struct FieldPlan {
  std::vector<Alternative> alternatives;
  const ordered_json* value_map = nullptr;
  bool expand_ranges = false;  // output.expand: {"field": "ranges"}
};

using FieldMapping = std::vector<std::pair<std::string, std::string>>;

// A rule's output mapping, read once per section rather than once per value. `mapping` is
// the table's (output.fields, value_map, expand) or one of output.also_objects; slots
// number on from `first_slot`, so the plans of one section never share a slot.
class OutputPlan {
 public:
  OutputPlan(const FieldMapping& fields, const ordered_json& mapping, std::size_t first_slot = 0)
      : fields_(fields), slots_(first_slot) {
    if (auto maps = mapping.find("value_map"); maps != mapping.end()) maps_ = &*maps;
    if (auto expand = mapping.find("expand"); expand != mapping.end()) expand_ = &*expand;
  }

  FieldPlan of(std::string_view target) {
    FieldPlan plan;
    std::string_view source = target;
    for (const auto& [t, s] : fields_) {
      if (t == target) source = s;
    }
    while (true) {
      if (source.starts_with('=')) {  // a literal takes the rest, bars included
        plan.alternatives.push_back({true, std::string(source.substr(1)), std::nullopt, 0});
        break;
      }
      const auto bar = source.find('|');
      plan.alternatives.push_back(reference(source.substr(0, bar)));
      if (bar == std::string_view::npos) break;
      source.remove_prefix(bar + 1);
    }
    if (maps_) {
      if (auto map = maps_->find(std::string(target)); map != maps_->end()) plan.value_map = &*map;
    }
    if (expand_) {
      auto how = expand_->find(std::string(target));
      plan.expand_ranges = how != expand_->end() && how->is_string() && how->get_ref<const std::string&>() == "ranges";
    }
    return plan;
  }

  // A record field by name ("HARDWARE", "HARDWARE[0]"), for what is not a table field.
  Alternative reference(std::string_view source) {
    std::optional<std::size_t> item;
    if (source.ends_with(']')) {
      if (auto open = source.rfind('['); open != std::string_view::npos) {
        item = number<std::size_t>(source.substr(open + 1, source.size() - open - 2));
        if (item) source = source.substr(0, open);
      }
    }
    return {false, std::string(source), item, slots_++};
  }

  std::size_t next_slot() const { return slots_; }

 private:
  const FieldMapping& fields_;
  const ordered_json* maps_ = nullptr;
  const ordered_json* expand_ = nullptr;
  std::size_t slots_ = 0;
};

// Records as JSON rows (every kind): the value of a field reference, as text; nullopt for
// null, "" and []; a list joins its items with spaces; numbers and objects print as JSON.
class JsonRows {
 public:
  explicit JsonRows(const std::vector<RuleRecord>& records) : records_(records) {}
  JsonRows fresh() const { return JsonRows(records_); }
  std::size_t size() const { return records_.size(); }
  ByteRange source(std::size_t r) const { return records_[r].source; }
  const RuleRecord& record(std::size_t r) const { return records_[r]; }

  // `each`: the item of a list value to take when the reference names none (also_objects).
  std::optional<std::string> value(std::size_t r, const Alternative& a, std::optional<std::size_t> each = {}) const {
    const ordered_json& row = records_[r].row;
    auto it = row.find(a.text);
    if (it == row.end() || it->is_null()) return std::nullopt;
    const auto item = a.item ? a.item : it->is_array() ? each : std::nullopt;
    if (item) {
      if (!it->is_array() || *item >= it->size()) return std::nullopt;
      const auto& v = (*it)[*item];
      if (!v.is_string() || v.get_ref<const std::string&>().empty()) return std::nullopt;
      return v.get<std::string>();
    }
    if (it->is_string()) {
      std::string_view s = parse::trim(it->get_ref<const std::string&>());
      if (s.empty()) return std::nullopt;
      return std::string(s);
    }
    if (it->is_array()) {
      if (it->empty()) return std::nullopt;
      std::string joined;
      for (const auto& one : *it) joined += (joined.empty() ? "" : " ") + (one.is_string() ? one.get<std::string>() : one.dump());
      return joined;
    }
    return it->dump();
  }

  // The number of items of a list value (0 for a string or no value).
  std::size_t items(std::size_t r, const Alternative& a) const {
    const ordered_json& row = records_[r].row;
    auto it = row.find(a.text);
    return it != row.end() && it->is_array() ? it->size() : 0;
  }

 private:
  const std::vector<RuleRecord>& records_;
};

// Records straight from the TextFSM engine (views into the section): the same values as
// JsonRows gives for the JSON the engine's records turn into, without building that JSON.
class EngineRows {
 public:
  explicit EngineRows(const EngineRecords& engine) : engine_(engine) {}
  EngineRows fresh() const { return EngineRows(engine_); }  // the same rows, no column cache
  std::size_t size() const { return engine_.parsed.records.size(); }
  ByteRange source(std::size_t r) const { return r < engine_.sources.size() ? engine_.sources[r] : ByteRange{}; }

  std::optional<std::string> value(std::size_t r, const Alternative& a, std::optional<std::size_t> each = {}) const {
    const int column = column_of(a);
    if (column < 0) return std::nullopt;
    const auto& records = engine_.parsed.records;
    const textfsm::Cell& cell = records[r][static_cast<std::size_t>(column)];
    if (!cell.is_list) {
      if (a.item) return std::nullopt;  // a string has no items
      std::string_view s = parse::trim(cell.text);
      if (s.empty()) return std::nullopt;
      return std::string(s);
    }
    const auto items = records.items(cell);
    if (const auto item = a.item ? a.item : each) {
      if (*item >= items.size()) return std::nullopt;
      const auto& one = items[*item];
      if (one.is_dict || !one.text || one.text->empty()) return std::nullopt;
      return std::string(*one.text);
    }
    if (items.empty()) return std::nullopt;
    std::string joined;
    for (const auto& one : items) {
      if (!joined.empty()) joined += ' ';
      if (one.is_dict) joined += textfsm::cell_to_json(engine_.tpl->values()[static_cast<std::size_t>(column)], cell, records)[&one - items.data()].dump();
      else if (one.text) joined += *one.text;
      else joined += "null";
    }
    return joined;
  }

  std::size_t items(std::size_t r, const Alternative& a) const {
    const int column = column_of(a);
    if (column < 0) return 0;
    const auto& records = engine_.parsed.records;
    const textfsm::Cell& cell = records[r][static_cast<std::size_t>(column)];
    return cell.is_list ? records.items(cell).size() : 0;
  }

 private:
  // The template column a reference reads, resolved once per plan slot (-1: no such Value).
  int column_of(const Alternative& a) const {
    if (a.slot >= column_.size()) column_.resize(a.slot + 1, kUnresolved);
    int& column = column_[a.slot];
    if (column == kUnresolved) {
      const auto& defs = engine_.tpl->values();
      auto it = std::find_if(defs.begin(), defs.end(), [&](const auto& d) { return d.name == a.text; });
      column = it == defs.end() ? -1 : static_cast<int>(it - defs.begin());
    }
    return column;
  }

  static constexpr int kUnresolved = -2;
  const EngineRecords& engine_;
  mutable std::vector<int> column_;  // by plan slot
};

// A field's value through its plan: the first alternative with one, then value_map (exact,
// then case-insensitive; "*" maps anything else, "*": "lower" / "upper" changes its case; a
// value not mapped stays as printed).
template <class Rows>
std::optional<std::string> field(const FieldPlan& plan, const Rows& rows, std::size_t r,
                                 std::optional<std::size_t> each = {}) {
  std::optional<std::string> value;
  for (const auto& a : plan.alternatives) {
    if (a.literal) {
      if (!a.text.empty()) value = a.text;
      break;
    }
    if ((value = rows.value(r, a, each))) break;
  }
  if (value && plan.expand_ranges) {
    value = expand_ranges(*value);
    if (value->empty()) value.reset();
  }
  if (!value || !plan.value_map) return value;
  const auto& map = *plan.value_map;
  if (auto exact = map.find(*value); exact != map.end()) return exact->template get<std::string>();
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (it.key().size() == value->size() && parse::iequals(it.key(), *value)) return it.value().template get<std::string>();
  }
  if (auto any = map.find("*"); any != map.end()) {
    std::string out = any->template get<std::string>();
    if (out == "lower" || out == "upper") {
      const bool upper = out == "upper";
      out = *value;
      for (char& c : out) c = upper ? (c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c) : parse::to_lower(c);
    }
    return out;
  }
  return value;
}

const ordered_json& output_of(const ParserRule& rule) {
  static const ordered_json empty = ordered_json::object();
  auto it = rule.json.find("output");
  return it == rule.json.end() ? empty : *it;
}

// output.also_records: true (the record through output.fields) or {"fields": {...}}.
bool keeps_records(const ParserRule& rule) {
  const auto& output = output_of(rule);
  auto it = output.find("also_records");
  return it != output.end() && (it->is_object() || (it->is_boolean() && it->get<bool>()));
}

// also_records' own keys ({"fields": {...}}), or null when it has none.
const ordered_json* records_fields(const ParserRule& rule) {
  const auto& output = output_of(rule);
  auto spec = output.find("also_records");
  if (spec == output.end() || !spec->is_object()) return nullptr;
  auto fields = spec->find("fields");
  return fields == spec->end() ? nullptr : &*fields;
}

// The same record from the TextFSM engine's cells, without a JSON row of every Value.
nlohmann::json engine_record_row(const ordered_json& fields, const EngineRecords& engine, std::size_t r) {
  nlohmann::json out = nlohmann::json::object();
  const auto& defs = engine.tpl->values();
  const auto& records = engine.parsed.records;
  for (auto it = fields.begin(); it != fields.end(); ++it) {
    const std::string& source = it.value().get_ref<const std::string&>();
    nlohmann::json& value = out[it.key()];
    if (source.starts_with('=')) {
      value = source.substr(1);
      continue;
    }
    auto def = std::find_if(defs.begin(), defs.end(), [&](const auto& d) { return d.name == source; });
    if (def == defs.end()) continue;  // null
    const textfsm::Cell& cell = records[r][static_cast<std::size_t>(def - defs.begin())];
    if (!cell.is_list) {
      if (!cell.text.empty()) value = std::string(cell.text);
      continue;
    }
    value = nlohmann::json::array();
    for (const auto& one : records.items(cell)) {
      if (one.is_dict) {
        value = nlohmann::json(textfsm::cell_to_json(*def, cell, records));  // as the JSON row has it
        break;
      }
      value.push_back(one.text ? nlohmann::json(std::string(*one.text)) : nlohmann::json(nullptr));
    }
  }
  return out;
}

// also_records {"fields": {key: FIELD or =literal}}: the generic record's own keys, apart
// from the table's mapping. A list stays a list; a value not found or empty is null.
ordered_json record_row(const ordered_json& fields, const ordered_json& row) {
  ordered_json out = ordered_json::object();
  for (auto it = fields.begin(); it != fields.end(); ++it) {
    const std::string& source = it.value().get_ref<const std::string&>();
    if (source.starts_with('=')) {
      out[it.key()] = source.substr(1);
      continue;
    }
    auto v = row.find(source);
    const bool empty = v == row.end() || v->is_null() || (v->is_string() && v->get_ref<const std::string&>().empty());
    out[it.key()] = empty ? ordered_json(nullptr) : *v;
  }
  return out;
}

// Adds `o`, or fills the empty columns of an object of its kind with the same key.
void merge_object(std::vector<parse::ObjectRecord>& objects, parse::ObjectRecord o) {
  const auto& columns = o.kind->columns;
  for (auto& have : objects) {
    if (have.kind != o.kind) continue;
    bool same = true;
    for (std::size_t c = 0; c < columns.size() && same; ++c) same = !columns[c].key || have.values[c] == o.values[c];
    if (!same) continue;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (!have.values[c]) have.values[c] = std::move(o.values[c]);
    }
    return;
  }
  objects.push_back(std::move(o));
}

}  // namespace

// output.also_objects planned once, when the rule loads (ParserRule::also_objects): each
// entry's table, fields, the plans of the columns it names, and its `each` list.
struct ObjectsOutput {
  struct Entry {
    const model::ObjectKind* kind = nullptr;
    FieldMapping fields;
    ordered_json mapping;  // the entry itself: its value_map, which the plans point into
    std::vector<FieldPlan> columns;  // by the kind's columns; empty for a column not named
    std::optional<Alternative> each;
  };
  std::vector<std::unique_ptr<Entry>> entries;  // kept in place: plans point into them
};

std::shared_ptr<const ObjectsOutput> plan_also_objects(const ParserRule& rule) {
  const auto& output = output_of(rule);
  auto specs = output.find("also_objects");
  if (specs == output.end()) return nullptr;
  auto planned = std::make_shared<ObjectsOutput>();
  std::size_t slot = 0;  // the entries' references count on from each other
  for (const auto& spec : *specs) {
    auto e = std::make_unique<ObjectsOutput::Entry>();
    e->kind = model::object_kind_by_table(spec.at("table").get_ref<const std::string&>());
    if (!e->kind) continue;  // the loader refuses such a rule
    e->mapping = spec;
    if (auto f = e->mapping.find("fields"); f != e->mapping.end()) {
      for (auto it = f->begin(); it != f->end(); ++it) e->fields.emplace_back(it.key(), it.value().get<std::string>());
    }
    OutputPlan plan(e->fields, e->mapping, slot);
    e->columns.reserve(e->kind->columns.size());
    for (const auto& c : e->kind->columns) {
      const bool named = std::any_of(e->fields.begin(), e->fields.end(), [&](const auto& f) { return f.first == c.name; });
      e->columns.push_back(named ? plan.of(c.name) : FieldPlan{});
    }
    if (auto each = e->mapping.find("each"); each != e->mapping.end()) e->each = plan.reference(each->get_ref<const std::string&>());
    slot = plan.next_slot();
    planned->entries.push_back(std::move(e));
  }
  return planned;
}

namespace {

// output.also_objects: objects of other kinds from the same records, each entry with its
// own table, fields and value_map. With "each" (a list value) a record gives one object per
// item of that list, and a reference to a list value without [n] reads that item; columns
// the entry does not name stay empty. A record without the key columns gives no object (no
// warning: these tables are a by-product); objects with the same key are merged.
template <class Rows>
void add_also_objects(const ParserRule& rule, const Rows& rows, parse::ParseResult& out) {
  std::shared_ptr<const ObjectsOutput> planned = rule.also_objects;  // planned when the rule loaded
  if (!planned) {
    if (!output_of(rule).contains("also_objects")) return;
    planned = plan_also_objects(rule);  // a rule not from the loader
  }
  const Rows own = rows.fresh();  // the entries' slots count from 0: a column cache of their own
  for (const auto& e : planned->entries) {
    const auto& columns = e->columns;
    const model::ObjectKind* kind = e->kind;
    for (std::size_t r = 0; r < own.size(); ++r) {
      const std::size_t count = e->each ? own.items(r, *e->each) : 1;
      for (std::size_t i = 0; i < count; ++i) {
        parse::ObjectRecord o;
        o.kind = kind;
        o.values.resize(columns.size());
        bool keyed = true;
        for (std::size_t c = 0; c < columns.size() && keyed; ++c) {  // the key columns first
          if (!kind->columns[c].key) continue;
          if (auto printed = field(columns[c], own, r, e->each ? std::optional<std::size_t>(i) : std::nullopt)) {
            o.values[c] = model::normalize_value(kind->columns[c].type, *printed);
          }
          keyed = o.values[c].has_value();
        }
        if (!keyed) continue;
        for (std::size_t c = 0; c < columns.size(); ++c) {
          if (kind->columns[c].key || columns[c].alternatives.empty()) continue;
          if (auto printed = field(columns[c], own, r, e->each ? std::optional<std::size_t>(i) : std::nullopt)) {
            o.values[c] = model::normalize_value(kind->columns[c].type, *printed);
          }
        }
        o.source = own.source(r);
        merge_object(out.objects, std::move(o));
      }
    }
  }
}

ordered_json mapped_row(const ParserRule& rule, const ordered_json& row) {
  if (auto spec = output_of(rule).find("also_records"); spec != output_of(rule).end() && spec->is_object()) {
    if (auto fields = spec->find("fields"); fields != spec->end()) return record_row(*fields, row);
  }
  if (rule.fields.empty()) return row;
  ordered_json out = ordered_json::object();
  for (const auto& [target, source] : rule.fields) {
    if (source.starts_with('=')) {
      out[target] = source.substr(1);
      continue;
    }
    auto it = row.find(source);
    out[target] = it == row.end() ? ordered_json(nullptr) : *it;
  }
  return out;
}


void fill_zone(std::string_view zone, parse::LogTime& t) {
  zone = parse::trim(zone);
  if (!zone.empty()) t.utc_offset_minutes = parse::zone_offset_minutes(zone);
}

}  // namespace

std::string expand_ranges(std::string_view text) {
  std::string joined;
  for (const auto& one : parse::expand_port_ranges(text)) joined += (joined.empty() ? "" : " ") + one;
  return joined;
}

std::optional<parse::LogTime> parse_printed_time(std::string_view text) {
  std::string_view s = parse::trim(text);
  while (!s.empty() && (s.front() == '*' || s.front() == '.')) s.remove_prefix(1);
  if (s.ends_with(':')) s.remove_suffix(1);
  parse::LogTime t;
  // ISO: 2024-06-19T03:02:31[.123][Z|+02:00]
  if (s.size() >= 19 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == ' ')) {
    auto y = number<int>(s.substr(0, 4));
    auto mo = number<int>(s.substr(5, 2));
    auto d = number<int>(s.substr(8, 2));
    std::string_view clock = s.substr(11);
    std::size_t zone_at = clock.find_first_of("Z+-");
    if (!y || !mo || !d || !parse::parse_time_of_day(clock.substr(0, zone_at), t)) return std::nullopt;
    t.year = *y;
    t.month = *mo;
    t.day = *d;
    if (zone_at != std::string_view::npos) {
      std::string_view zone = clock.substr(zone_at);
      t.utc_offset_minutes = zone == "Z" ? std::optional<int>(0) : parse::zone_offset_minutes(zone);
    }
    return t;
  }
  std::vector<parse::Token> tokens;
  parse::tokenize(s, tokens);
  if (tokens.size() < 2) return std::nullopt;
  // Clock form: time [zone] weekday month day year.
  if (parse::parse_time_of_day(tokens[0].text, t) && tokens.size() >= 5) {
    const std::size_t n = tokens.size();
    t.month = parse::month_from_name(tokens[n - 3].text);
    auto d = number<int>(tokens[n - 2].text);
    auto y = number<int>(tokens[n - 1].text);
    if (t.month == 0 || !d || !y) return std::nullopt;
    t.day = *d;
    t.year = *y;
    if (n > 5) fill_zone(s.substr(tokens[1].begin, tokens[n - 4].begin - tokens[1].begin), t);
    return t;
  }
  // Syslog form: [year] month day [year] time [zone].
  std::size_t i = 0;
  if (auto y = number<int>(tokens[0].text); y && *y > 1900) {
    t.year = *y;
    ++i;
  }
  if (i + 2 > tokens.size()) return std::nullopt;
  t.month = parse::month_from_name(tokens[i].text);
  auto d = i + 1 < tokens.size() ? number<int>(tokens[i + 1].text) : std::nullopt;
  if (t.month == 0 || !d) return std::nullopt;
  t.day = *d;
  i += 2;
  if (i < tokens.size()) {
    if (auto y = number<int>(tokens[i].text); y && *y > 1900) {
      t.year = *y;
      ++i;
    }
  }
  if (i >= tokens.size() || !parse::parse_time_of_day(tokens[i].text, t)) return std::nullopt;
  ++i;
  if (i < tokens.size()) fill_zone(s.substr(tokens[i].begin), t);
  return t;
}

namespace {

// Rows -> the rule's table. `keep_generic(r)` also keeps record r in the generic table
// (`also_records`); only JSON rows can.
template <class Rows, class KeepGeneric>
Result<parse::ParseResult> map_records(const ParserRule& rule, const Rows& rows, const std::vector<RuleWarning>& warnings,
                                       std::string_view platform, KeepGeneric keep_generic) {
  parse::ParseResult out;
  OutputPlan plan(rule.fields, output_of(rule));
  if (rows.size() == 0 && output_of(rule).value("required", false)) {
    return fail(ErrorKind::Parse, fmt::format("output does not match rule {}: no record", rule.id));
  }
  for (const auto& w : warnings) out.warnings.push_back({w.at, fmt::format("rule {}: {}", rule.id, w.message)});
  const bool also_records = keeps_records(rule);

  switch (rule.table) {
    case OutputTable::Records:
      for (std::size_t r = 0; r < rows.size(); ++r) keep_generic(out, r);
      break;
    case OutputTable::Interfaces: {
      const FieldPlan name_of = plan.of("name"), status = plan.of("status"), vlan = plan.of("vlan"),
                      duplex = plan.of("duplex"), speed = plan.of("speed"), type = plan.of("type"),
                      description = plan.of("description");
      for (std::size_t r = 0; r < rows.size(); ++r) {
        auto name = field(name_of, rows, r);
        if (!name) {
          out.warnings.push_back({rows.source(r), fmt::format("rule {}: a record with no interface name was skipped", rule.id)});
          ++out.skipped_lines;
          continue;
        }
        parse::InterfaceRecord i;
        i.name = parse::canonical_interface_name(*name);
        i.name_raw = *name;
        i.status = field(status, rows, r);
        i.vlan = field(vlan, rows, r);
        i.duplex = field(duplex, rows, r);
        i.speed = field(speed, rows, r);
        i.type = field(type, rows, r);
        i.description = field(description, rows, r);
        i.source = rows.source(r);
        out.interfaces.push_back(std::move(i));
        if (also_records) keep_generic(out, r);
      }
      break;
    }
    case OutputTable::DeviceFacts: {
      // One device: the first non-empty value of each field over the records.
      parse::DeviceFacts facts;
      bool any = false;
      const FieldPlan hostname = plan.of("hostname"), vendor = plan.of("vendor"), platform_of = plan.of("platform"),
                      model = plan.of("model"), os_version = plan.of("os_version"), serial = plan.of("serial"),
                      uptime = plan.of("uptime"), reload_reason = plan.of("reload_reason");
      for (std::size_t r = 0; r < rows.size(); ++r) {
        auto fill = [&](std::optional<std::string>& slot, const FieldPlan& from) {
          if (!slot) slot = field(from, rows, r);
        };
        fill(facts.hostname, hostname);
        fill(facts.vendor, vendor);
        fill(facts.platform, platform_of);
        fill(facts.model, model);
        fill(facts.os_version, os_version);
        fill(facts.serial, serial);
        fill(facts.uptime, uptime);
        fill(facts.reload_reason, reload_reason);
        const ByteRange source = rows.source(r);
        if (!any) facts.source = source;
        else facts.source = ByteRange{facts.source.offset, std::max(facts.source.end(), source.end()) - facts.source.offset};
        any = true;
        if (also_records) keep_generic(out, r);
      }
      if (any) out.facts = std::move(facts);
      break;
    }
    case OutputTable::Clock: {
      const FieldPlan raw_of = plan.of("raw"), time_of = plan.of("time"), zone_of = plan.of("zone"),
                      month_of = plan.of("month"), day_of = plan.of("day"), year_of = plan.of("year");
      for (std::size_t r = 0; r < rows.size(); ++r) {
        std::string text;
        for (const FieldPlan* part : {&time_of, &zone_of, &month_of, &day_of, &year_of}) {
          if (auto v = field(*part, rows, r)) text += (text.empty() ? "" : " ") + *v;
        }
        // Parts give "time zone month day year"; the clock form wants a weekday before the month.
        std::optional<parse::LogTime> time;
        const auto raw = field(raw_of, rows, r);
        if (raw) time = parse_printed_time(*raw);
        if (!time) {
          auto t = field(time_of, rows, r);
          auto mo = field(month_of, rows, r);
          auto d = field(day_of, rows, r);
          auto y = field(year_of, rows, r);
          parse::LogTime lt;
          if (t && mo && d && y && parse::parse_time_of_day(*t, lt) && parse::month_from_name(*mo) && number<int>(*d) &&
              number<int>(*y)) {
            lt.month = parse::month_from_name(*mo);
            lt.day = *number<int>(*d);
            lt.year = *number<int>(*y);
            if (auto z = field(zone_of, rows, r)) fill_zone(*z, lt);
            time = lt;
          }
        }
        if (!time) continue;
        out.clock = parse::ClockReading{*time, raw.value_or(text)};
        break;
      }
      if (!out.clock && rows.size() > 0) {
        return fail(ErrorKind::Parse, fmt::format("rule {}: no record held a readable clock time", rule.id));
      }
      break;
    }
    case OutputTable::Objects: {
      // Values normalized per column type; a record missing a key column is skipped and said.
      const model::ObjectKind& kind = *rule.object_kind;
      out.complete_kinds.push_back(&kind);
      std::vector<FieldPlan> columns;
      for (const auto& c : kind.columns) columns.push_back(plan.of(c.name));
      for (std::size_t r = 0; r < rows.size(); ++r) {
        parse::ObjectRecord o;
        o.kind = &kind;
        o.values.reserve(columns.size());
        std::string_view missing_key;
        for (std::size_t c = 0; c < columns.size(); ++c) {
          auto printed = field(columns[c], rows, r);
          o.values.push_back(printed ? model::normalize_value(kind.columns[c].type, *printed) : std::nullopt);
          if (kind.columns[c].key && !o.values.back() && missing_key.empty()) missing_key = kind.columns[c].name;
        }
        if (!missing_key.empty()) {
          out.warnings.push_back({rows.source(r), fmt::format("rule {}: a record with no {} was skipped", rule.id, missing_key)});
          ++out.skipped_lines;
          continue;
        }
        o.source = rows.source(r);
        out.objects.push_back(std::move(o));
        if (also_records) keep_generic(out, r);
      }
      break;
    }
    case OutputTable::Events: {
      const FieldPlan timestamp = plan.of("timestamp"), sequence = plan.of("sequence"), facility = plan.of("facility"),
                      severity = plan.of("severity"), mnemonic = plan.of("mnemonic"), message = plan.of("message"),
                      interface = plan.of("interface");
      const FieldPlan parts[] = {plan.of("month"), plan.of("day"), plan.of("year"), plan.of("time"), plan.of("zone")};
      for (std::size_t r = 0; r < rows.size(); ++r) {
        parse::EventRecord e;
        std::optional<parse::LogTime> time;
        if (auto ts = field(timestamp, rows, r)) {
          e.timestamp_raw = *ts;
          time = parse_printed_time(*ts);
        } else {
          std::string joined;
          for (const auto& part : parts) {
            if (auto v = field(part, rows, r)) joined += (joined.empty() ? "" : " ") + *v;
          }
          e.timestamp_raw = joined;
          time = parse_printed_time(joined);
        }
        if (time) {
          e.time = *time;
        } else {
          e.time.uptime_only = true;
        }
        if (auto seq = field(sequence, rows, r)) e.sequence = number<std::int64_t>(*seq);
        e.facility = field(facility, rows, r).value_or("");
        if (auto sev = field(severity, rows, r)) e.severity = number<int>(*sev);
        e.mnemonic = field(mnemonic, rows, r).value_or("");
        // As the built-in parsers: no facility, no message id (not "-").
        if (!e.facility.empty()) e.message_id = parse::make_message_id(e.facility, e.severity, e.mnemonic);
        e.message = field(message, rows, r).value_or("");
        if (auto i = field(interface, rows, r)) e.interface = parse::canonical_interface_name(*i);
        else e.interface = parse::interface_in_message(e.message);
        e.source = rows.source(r);
        out.events.push_back(std::move(e));
        if (also_records) keep_generic(out, r);
      }
      parse::classify_events(out, platform);
      break;
    }
  }
  add_also_objects(rule, rows, out);
  return out;
}

}  // namespace

// A generic record's key: its Key values joined by ':' ("" when the template marks none, or
// when one of them is empty, which would match unrelated records).
// `rows` must be a fresh() copy: the key's references number their own slots from 0.
template <class Rows>
std::string record_key(const std::vector<std::string>& keys, const Rows& rows, std::size_t r) {
  std::string key;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const auto v = rows.value(r, Alternative{false, keys[k], std::nullopt, k});
    if (!v) return {};
    key += (key.empty() ? "" : ":") + *v;
  }
  return key;
}

Result<parse::ParseResult> to_parse_result(const ParserRule& rule, RuleRun run, std::string_view platform) {
  const JsonRows rows(run.records);
  const JsonRows key_rows = rows.fresh();
  return map_records(rule, rows, run.warnings, platform, [&](parse::ParseResult& out, std::size_t r) {
    out.records.push_back({mapped_row(rule, rows.record(r).row), rows.source(r), record_key(run.record_keys, key_rows, r)});
  });
}

Result<parse::ParseResult> to_parse_result(const ParserRule& rule, const RuleRun& run, const EngineRecords& engine,
                                           std::string_view platform) {
  // Only the normalized tables without also_records, or with its own keys, come here
  // (fast_path_applies).
  const EngineRows rows(engine);
  const EngineRows key_rows = rows.fresh();
  const ordered_json* fields = records_fields(rule);
  return map_records(rule, rows, run.warnings, platform, [&](parse::ParseResult& out, std::size_t r) {
    if (fields) out.records.push_back({engine_record_row(*fields, engine, r), rows.source(r), record_key(run.record_keys, key_rows, r)});
  });
}

bool fast_path_applies(const ParserRule& rule) {
  if (rule.table == OutputTable::Records) return false;
  return !keeps_records(rule) || records_fields(rule) != nullptr;
}

}  // namespace st::rules
