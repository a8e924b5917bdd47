// TextFSM results as JSON, shaped like Python TextFSM's: a record is an object keyed by
// the template's Value names as written; a List value is an array of strings (null for
// Python's None) or, for nested named groups, of objects.
#pragma once

#include <nlohmann/json.hpp>

#include "textfsm/clitable.h"
#include "textfsm/records.h"
#include "textfsm/template.h"

namespace st::textfsm {

nlohmann::ordered_json cell_to_json(const ValueDef& def, const Cell& cell, const Records& records);
// Record `r` of a run of `tpl`: {"NAME": value, ...}, or [value, ...] as ParseText gives it.
nlohmann::ordered_json record_to_json(const Template& tpl, const Records& records, std::size_t r);
nlohmann::ordered_json record_to_json_array(const Template& tpl, const Records& records, std::size_t r);
nlohmann::ordered_json table_cell_to_json(const TableCell& cell);
nlohmann::ordered_json table_row_to_json(const CliTable& table, std::size_t row);  // {"NAME": value, ...}

}  // namespace st::textfsm
