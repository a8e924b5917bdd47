// Interface names: canonical short form (Gi1/0/5, Te1/1/1, Et6, Po1, Vl10, Brocade 1/1/1)
// from whatever the device printed (GigabitEthernet1/0/5, gi1/0/5, Gig1/0/5, ...).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace st::parse {

// Canonical short name; text that is not a recognised interface is returned unchanged.
std::string canonical_interface_name(std::string_view raw);

// The first interface a syslog message names ("Interface GigabitEthernet2/0/3, changed
// state to down" -> "Gi2/0/3"), canonical; else the port it names in another vendor's words
// ("Port 17 link down" -> "17", "%LINK-W-Down:  gi37" -> "gi37", "interface Virtual-PPP2");
// nullopt when it names none.
std::optional<std::string> interface_in_message(std::string_view message);

// Only names with a known interface type (GigabitEthernet, Ethernet, ethernet 1/1/1, ge-0/0/1).
std::optional<std::string> typed_interface_in_message(std::string_view message);

}  // namespace st::parse
