// An object's stable key across runs: its kind, then its key columns' values, joined by
// ':' ("vlan:10", "stp_port:VLAN0010:Gi1/0/1"). The diff matches objects by it.
#pragma once

#include <string>

#include "parse/parse_result.h"

namespace st::model {

// Writes the key into `out` (reused per row by the store writer).
void object_key_into(const parse::ObjectRecord& object, std::string& out);
std::string object_key(const parse::ObjectRecord& object);

}  // namespace st::model
