// What a TextFSM run produces: records of one cell per Value (declaration order), stored
// flat so that a run makes a few large allocations rather than one per record. Text is a
// view into the parsed input (keep the input alive while the records are used);
// `std::nullopt` is Python's None.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
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

// A cell is a string (Python's None recorded as "") or a list of items. Fillup can write
// a string into a List column, as Python does.
struct Cell {
  std::string_view text;
  std::uint32_t first_item = 0;  // into Records' items, when is_list
  std::uint32_t item_count = 0;
  bool is_list = false;
};

class Records {
 public:
  explicit Records(std::size_t width = 0) : width_(width) {}

  std::size_t size() const { return width_ == 0 ? 0 : cells_.size() / width_; }
  bool empty() const { return size() == 0; }
  std::size_t width() const { return width_; }
  std::span<const Cell> operator[](std::size_t record) const { return {cells_.data() + record * width_, width_}; }
  std::span<const ListItem> items(const Cell& cell) const { return {items_.data() + cell.first_item, cell.item_count}; }

  // Empties it for a new run, keeping the memory (Runner::parse_into).
  void reset(std::size_t width) {
    width_ = width;
    cells_.clear();
    items_.clear();
  }

  // Building (the FSM).
  std::span<Cell> append() {
    cells_.resize(cells_.size() + width_);
    return {cells_.data() + cells_.size() - width_, width_};
  }
  Cell& at(std::size_t record, std::size_t value) { return cells_[record * width_ + value]; }
  Cell list_cell(const std::vector<ListItem>& list) {
    Cell c;
    c.is_list = true;
    c.first_item = static_cast<std::uint32_t>(items_.size());
    c.item_count = static_cast<std::uint32_t>(list.size());
    items_.insert(items_.end(), list.begin(), list.end());
    return c;
  }

 private:
  std::size_t width_;
  std::vector<Cell> cells_;
  std::vector<ListItem> items_;
};

}  // namespace st::textfsm
