// Port lists as switches print them, one name per port: "ethe 1/1/1 to 1/1/3 ethe 1/1/7"
// -> 1/1/1 1/1/2 1/1/3 1/1/7. "A to B" counts A's last number up to B's (A and B must
// differ only there, at most 4096 apart, else both stay as printed); words without a
// digit ("ethe", "None") are dropped; a "(group)" word prefixes the bare numbers after it
// with its numbers ("(U1/M2) 1 2" -> 1/2/1 1/2/2) or, with none, its lowercased text
// ("(LAG) 3" -> lag3). Used by FastIron's running-config and by rules' `expand: ranges`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace st::parse {

std::vector<std::string> expand_port_ranges(std::string_view text);

}  // namespace st::parse
