// Built-in parsers for Cisco IOS/IOS-XE. Each works on the output bytes of one
// section as string_views and reports byte ranges relative to that output.
#pragma once

#include "core/error.h"
#include "parse/parser_registry.h"

namespace st::parse::cisco {

Result<ParseResult> parse_show_interfaces_status(const SectionInput& input);
Result<ParseResult> parse_show_logging(const SectionInput& input);
Result<ParseResult> parse_show_clock(const SectionInput& input);

// Registers the parsers above under platform "cisco_ios".
void register_builtins(ParserRegistry& registry);

}  // namespace st::parse::cisco
