// The normalized object kinds beyond interfaces and device facts: one table each, one
// listing each, described once here so the rule output mapping, the store writer, the
// listings and (later) the diff engine all read the same column list.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace st::model {

// How a column's printed value is normalized before it is stored.
enum class ColumnType {
  Text,           // as printed, trimmed
  Integer,        // digits; stored as an INTEGER, anything else stays text
  Interface,      // canonical short name: GigabitEthernet1/0/5 -> Gi1/0/5
  InterfaceList,  // several interface names (blank or comma separated), canonical, space separated
  Mac,            // 0011.2233.aabb, whatever the vendor printed (00:11:22:33:AA:BB, 0011-2233-aabb)
  List,           // several words, space separated; a JSON list in listings
};

struct Column {
  std::string_view name;
  ColumnType type = ColumnType::Text;
  bool key = false;        // part of the object's stable key (in column order)
  bool is_volatile = false;  // changes without anything happening: counters, readings, ages
};

struct ObjectKind {
  std::string_view name;     // "vlan": the object key's prefix and the diff's kind
  std::string_view table;    // "vlans": the store table, and the rule output's table name
  std::string_view listing;  // "vlans": the CLI listing
  std::string_view description;
  std::span<const Column> columns;

  std::optional<std::size_t> column_index(std::string_view column) const;
};

std::span<const ObjectKind> object_kinds();
const ObjectKind* object_kind_by_table(std::string_view table);
const ObjectKind* object_kind_by_listing(std::string_view listing);
const ObjectKind* object_kind_by_name(std::string_view name);

// A printed value normalized for its column type; nullopt when nothing is left.
std::optional<std::string> normalize_value(ColumnType type, std::string_view printed);

// "0011.2233.aabb" from 00:11:22:33:aa:bb, 0011-2233-AABB, 001122-33aabb or 0011.2233.aabb;
// nullopt when the text is not 12 hex digits in one of those shapes.
std::optional<std::string> normalize_mac(std::string_view printed);

}  // namespace st::model
