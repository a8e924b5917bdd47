#include "textfsm/records_json.h"

namespace st::textfsm {

namespace {
nlohmann::ordered_json text_json(const Text& t) {
  if (!t) return nullptr;
  return std::string(*t);
}
}  // namespace

nlohmann::ordered_json cell_to_json(const ValueDef& def, const Cell& cell, const Records& records) {
  if (!cell.is_list) return std::string(cell.text);
  auto out = nlohmann::ordered_json::array();
  for (const auto& item : records.items(cell)) {
    if (!item.is_dict) {
      out.push_back(text_json(item.text));
      continue;
    }
    auto obj = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < item.fields.size(); ++i) obj[def.nested_groups[i].name] = text_json(item.fields[i]);
    out.push_back(std::move(obj));
  }
  return out;
}

nlohmann::ordered_json record_to_json(const Template& tpl, const Records& records, std::size_t r) {
  auto out = nlohmann::ordered_json::object();
  const auto& defs = tpl.values();
  const auto row = records[r];
  for (std::size_t i = 0; i < row.size(); ++i) out[defs[i].name] = cell_to_json(defs[i], row[i], records);
  return out;
}

nlohmann::ordered_json record_to_json_array(const Template& tpl, const Records& records, std::size_t r) {
  auto out = nlohmann::ordered_json::array();
  const auto& defs = tpl.values();
  const auto row = records[r];
  for (std::size_t i = 0; i < row.size(); ++i) out.push_back(cell_to_json(defs[i], row[i], records));
  return out;
}

nlohmann::ordered_json table_cell_to_json(const TableCell& cell) {
  if (!cell.is_list) return cell.text;
  return cell.items;
}

nlohmann::ordered_json table_row_to_json(const CliTable& table, std::size_t row) {
  auto out = nlohmann::ordered_json::object();
  for (std::size_t c = 0; c < table.header.size(); ++c) out[table.header[c]] = table_cell_to_json(table.rows[row][c]);
  return out;
}

}  // namespace st::textfsm
