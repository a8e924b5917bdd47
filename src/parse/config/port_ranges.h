// FastIron's port lists: "ethe 1/1/1 to 1/1/4 ethe 1/2/1 ethernet 1/1/10" -> each port,
// in the order printed. A range runs over the last number of the slot/port name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace st::parse::config {

std::vector<std::string> expand_port_ranges(std::string_view text);

}  // namespace st::parse::config
