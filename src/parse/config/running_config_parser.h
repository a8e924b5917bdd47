// `show running-config` (IOS/IOS-XE, EOS) and `show running-config` / `show configuration`
// (FastIron) -> the device's config facts and one interface_config object per interface.
//
// Written in C++ rather than as a rule: a configuration is a tree (stanzas), FastIron sets a
// port's VLAN and authentication in VLAN and `authentication` blocks with "A to B" port
// ranges, and a whole stanza is kept as text. None of the rule kinds can express that.
#pragma once

#include "core/error.h"
#include "parse/parser_registry.h"

namespace st::parse::config {

Result<ParseResult> parse_running_config(const SectionInput& input);

// Registers it for cisco_ios, arista_eos and ruckus_fastiron.
void register_builtins(ParserRegistry& registry);

}  // namespace st::parse::config
