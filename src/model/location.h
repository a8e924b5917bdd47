// Where a device is: site and zone from its hostname (SITE-ZONE-ROLE-NN, the pattern is a
// setting), building / floor / room / row / rack from its `snmp-server location` text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace st::model {

struct LocationParts {
  std::optional<std::string> building, floor, room, row, rack;
  bool empty() const { return !building && !floor && !room && !row && !rack; }
};

// Key-value text as operators write it: "bldg=B1;floor=2;room=2.14;rack=R3",
// "Building: HQ1, Floor: 3, Room: 301", "Building 4 Floor 2 Room 2.10 Row C Rack 12".
// Keys are matched case-insensitively with their common abbreviations; anything else is
// ignored (the raw text is stored beside the parts).
LocationParts parse_location(std::string_view text);

}  // namespace st::model
