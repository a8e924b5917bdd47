// What the diff engine compares: every object kind of the device model plus the device facts,
// the interfaces and the generic template records, each with its store table and its fields
// (named as the listings' JSON names them). Kinds registered in model/object_kind.cpp are
// diffed without touching the engine.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/object_kind.h"

namespace st::diff {

struct DiffField {
  std::string name;
  bool is_volatile = false;  // counters, readings, uptime: changes without anything happening
  char list_separator = 0;   // a list stored joined by this character; 0: a single value
};

struct DiffKind {
  std::string name;   // "interface", "vlan", ...: the object key's prefix and the JSON's `kind`
  std::string table;  // store table
  std::vector<DiffField> fields;
  bool json_row = false;  // generic records: fields are the keys of `row_json`
};

std::span<const DiffKind> diff_kinds();
// A generic record's field that changes without anything happening: `uptime*` (show version's
// uptime parts) and the names of the object kinds' volatile columns.
bool is_volatile_record_field(std::string_view name);
const DiffKind* diff_kind_by_name(std::string_view name);

// The kinds a `--kind` word selects: a kind's name ("stp_port"), its listing ("stp"), or a
// short word operators use ("auth" for sessions, "config" for interface configs). Empty when
// the word names nothing.
std::vector<const DiffKind*> diff_kinds_for(std::string_view word);
// Every word diff_kinds_for takes, for the CLI's error message.
std::vector<std::string> diff_kind_words();

}  // namespace st::diff
