#include "textfsm/clitable.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "textfsm/py_text.h"

namespace st::textfsm {

namespace {

double micros_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t).count();
}

std::string repr_text(const Text& t) { return t ? py::repr(*t) : std::string("None"); }

// str() of a cell as _GetTable prints it: strings as they are, lists as Python's list repr.
std::string str_of(const TableCell& c) {
  if (!c.is_list) return c.text;
  std::string out = "[";
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    if (i > 0) out += ", ";
    out += py::repr(c.items[i]);
  }
  out += ']';
  return out;
}

// TextTable.table: every row (header first) joined with ", ", one per line.
std::string render(const CliTable& t) {
  std::string out;
  auto row_out = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += ", ";
      out += cells[i];
    }
    out += '\n';
  };
  row_out(t.header);
  for (const auto& row : t.rows) {
    std::vector<std::string> cells;
    for (const auto& c : row) cells.push_back(str_of(c));
    row_out(cells);
  }
  return out;
}

std::ptrdiff_t column(const CliTable& t, const std::string& name) {
  const auto it = std::find(t.header.begin(), t.header.end(), name);
  return it == t.header.end() ? -1 : it - t.header.begin();
}

}  // namespace

std::string list_item_str(const ValueDef& def, const ListItem& item) {
  if (!item.is_dict) return item.text ? std::string(*item.text) : std::string("None");
  std::string out = "{";
  for (std::size_t i = 0; i < item.fields.size(); ++i) {
    if (i > 0) out += ", ";
    out += py::repr(def.nested_groups[i].name);
    out += ": ";
    out += repr_text(item.fields[i]);
  }
  out += '}';
  return out;
}

TableCell to_table_cell(const ValueDef& def, const Cell& cell, const Records& records) {
  TableCell out;
  out.is_list = cell.is_list;
  if (!cell.is_list) {
    out.text = std::string(cell.text);
  } else {
    for (const auto& item : records.items(cell)) out.items.push_back(list_item_str(def, item));
  }
  return out;
}

Result<void> extend_table(CliTable& into, const CliTable& other, const std::vector<std::string>& keys) {
  for (const auto& k : keys) {
    if (column(into, k) < 0) {
      return fail(ErrorKind::Parse, fmt::format("Unknown key: '{}' (clitable cannot merge these templates)", k));
    }
  }
  std::vector<std::string> extend_with;
  for (const auto& c : other.header) {
    if (column(into, c) < 0) extend_with.push_back(c);
  }
  if (extend_with.empty()) return {};
  for (const auto& c : extend_with) {
    // AddColumn refuses a name found anywhere in the printed table (a substring test).
    if (render(into).find(c) != std::string::npos) {
      return fail(ErrorKind::Parse, fmt::format("Column '{}' already in table.", c));
    }
    into.header.push_back(c);
    for (auto& row : into.rows) row.push_back(TableCell{});
  }
  std::vector<std::ptrdiff_t> from;
  for (const auto& c : extend_with) from.push_back(column(other, c));
  const std::size_t base = into.header.size() - extend_with.size();
  if (keys.empty()) {
    const std::size_t n = std::min(into.rows.size(), other.rows.size());
    for (std::size_t r = 0; r < n; ++r) {
      for (std::size_t k = 0; k < extend_with.size(); ++k) {
        into.rows[r][base + k] = other.rows[r][static_cast<std::size_t>(from[k])];
      }
    }
    return {};
  }
  std::vector<std::pair<std::size_t, std::ptrdiff_t>> key_cols;
  for (const auto& k : keys) key_cols.emplace_back(static_cast<std::size_t>(column(into, k)), column(other, k));
  for (auto& row1 : into.rows) {
    for (const auto& row2 : other.rows) {
      bool equal = true;
      for (const auto& [c1, c2] : key_cols) {
        if (c2 < 0) return fail(ErrorKind::Parse, "No such column in row (a Key missing from a later template).");
        if (!(row1[c1] == row2[static_cast<std::size_t>(c2)])) {
          equal = false;
          break;
        }
      }
      if (equal) {
        for (std::size_t k = 0; k < extend_with.size(); ++k) row1[base + k] = row2[static_cast<std::size_t>(from[k])];
        break;
      }
    }
  }
  return {};
}

Result<TemplateLibrary> TemplateLibrary::open(const std::filesystem::path& template_dir, const std::string& index_file) {
  ST_TRY(auto index, TemplateIndex::load(template_dir, index_file));
  TemplateLibrary lib;
  lib.index_ = std::make_unique<TemplateIndex>(std::move(index));
  return lib;
}

Result<const Template*> TemplateLibrary::get(const std::string& name, double* compile_us) {
  if (auto it = cache_.find(name); it != cache_.end()) {
    if (compile_us) *compile_us = 0;
    return it->second.get();
  }
  const auto start = std::chrono::steady_clock::now();
  ST_TRY(auto tpl, Template::load(index_->dir() / name));
  if (compile_us) *compile_us = micros_since(start);
  auto owned = std::make_unique<Template>(std::move(tpl));
  const Template* ptr = owned.get();
  cache_.emplace(name, std::move(owned));
  return ptr;
}

Result<CliParse> TemplateLibrary::parse(std::string_view text, const Attributes& attributes, bool trace) {
  CliParse out;
  out.row = index_->match(attributes);
  if (out.row == nullptr) {
    std::string what;
    for (const auto& [k, v] : attributes) what += fmt::format("{}{}='{}'", what.empty() ? "" : ", ", k, v);
    return fail(Error{ErrorKind::NotFound, fmt::format("No template found for attributes: {}", what),
                      index_->dir().string(), {}, {}, "check the platform name and the command"});
  }
  std::vector<std::string> keys;
  bool first = true;
  for (const auto& name : index_->templates(*out.row)) {
    TemplateParse part;
    part.name = name;
    ST_TRY(part.tpl, get(name, &part.compile_us));
    const auto start = std::chrono::steady_clock::now();
    Runner runner(*part.tpl);
    ST_TRY(part.result, runner.parse(text, trace));
    part.parse_us = micros_since(start);
    if (keys.empty()) keys = part.tpl->values_with(ValueOption::Key);
    CliTable table;
    table.header = part.tpl->header();
    const auto& defs = part.tpl->values();
    const Records& records = part.result.records;
    for (std::size_t r = 0; r < records.size(); ++r) {
      std::vector<TableCell> row;
      row.reserve(records.width());
      for (std::size_t i = 0; i < records.width(); ++i) row.push_back(to_table_cell(defs[i], records[r][i], records));
      table.rows.push_back(std::move(row));
    }
    if (first) {
      out.table = std::move(table);
      first = false;
    } else {
      ST_CHECK(extend_table(out.table, table, keys));
    }
    out.parts.push_back(std::move(part));
  }
  return out;
}

}  // namespace st::textfsm
