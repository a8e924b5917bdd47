// What a TextFSM run produces: one Row per recorded record, a Cell per Value in
// declaration order. Text is a view into the parsed input (keep the input alive while
// the records are used); `std::nullopt` is Python's None.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace st::textfsm {

using Text = std::optional<std::string_view>;

// One item of a List value: a string, None, or (for a List with nested named groups) an
// object of those groups, in the Value's nested_groups order.
struct ListItem {
  Text text;
  bool is_dict = false;
  std::vector<Text> fields;  // when is_dict
};

// A cell is a string (Python's None recorded as "") or a list. Fillup can write a string
// into a List column, as Python does.
struct Cell {
  bool is_list = false;
  std::string_view text;
  std::vector<ListItem> items;
};

using Row = std::vector<Cell>;

}  // namespace st::textfsm
