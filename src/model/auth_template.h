// The 802.1X / MAB template a port's configuration applies: flexible (802.1X authenticator
// and MAB), dot1x, macauth or open, read from its interface-level auth commands the same
// way for every vendor (each vendor's spelling below).
#pragma once

#include <string_view>

namespace st::model {

// `auth_commands` as stored in interface_configs: one command per line.
std::string_view classify_auth_template(std::string_view platform, std::string_view auth_commands);

}  // namespace st::model
