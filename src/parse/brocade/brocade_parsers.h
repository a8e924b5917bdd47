// Built-in parsers for Brocade/Ruckus FastIron (ICX, FCX; platform "ruckus_fastiron"). Each
// works on the output bytes of one section and reports byte ranges relative to that output.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "parse/parser_registry.h"

namespace st::parse::brocade {

Result<ParseResult> parse_show_version(const SectionInput& input);
Result<ParseResult> parse_show_interfaces_brief(const SectionInput& input);
Result<ParseResult> parse_show_logging(const SectionInput& input);
Result<ParseResult> parse_show_clock(const SectionInput& input);

// FastIron log level letter -> syslog severity (M=0 emergency, A=1, C=2, E=3, W=4, N=5, I=6,
// D=7); -1 for any other letter.
int severity_from_level(char level);
// Our mnemonic for a FastIron message, which prints none (see docs/brocade-log-ids.md):
// LINK_DOWN, LINK_UP or MSG.
std::string_view derive_mnemonic(std::string_view message);

// Registers the parsers above under platform "ruckus_fastiron".
void register_builtins(ParserRegistry& registry);

}  // namespace st::parse::brocade
