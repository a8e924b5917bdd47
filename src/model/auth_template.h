// The 802.1X / MAB template a port's configuration applies: flexible (802.1X authenticator
// and MAB), dot1x, macauth or open, read from its interface-level auth commands the same
// way for every vendor (each vendor's spelling below).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace st::model {

// `auth_commands` as stored in interface_configs: one command per line.
std::string_view classify_auth_template(std::string_view platform, std::string_view auth_commands);

// Whether a device's global auth lines switch port authentication on: `dot1x
// system-auth-control`, the session manager, FastIron's `authentication` / `dot1x-enable`
// blocks. AAA or RADIUS lines alone (used for logins too) do not.
bool enables_port_auth(const std::vector<std::string>& auth_globals);

}  // namespace st::model
