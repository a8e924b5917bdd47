#include "parse/cisco/cisco_parsers.h"

namespace st::parse::cisco {

// show version is the shipped rule rules/parsers/cisco_ios_show_version.json (within 2x of
// the C++ parser it replaced: docs/parser-rules.md).
void register_builtins(ParserRegistry& registry) {
  static constexpr BuiltinParser kBuiltins[] = {
      {"builtin:cisco_ios/show_interfaces_status", "show interfaces status",
       &parse_show_interfaces_status},
      {"builtin:cisco_ios/show_logging", "show logging", &parse_show_logging},
      {"builtin:cisco_ios/show_clock", "show clock", &parse_show_clock},
  };
  registry.add_builtins("cisco_ios", kBuiltins);
}

}  // namespace st::parse::cisco
