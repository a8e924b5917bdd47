#include "parse/cisco/cisco_parsers.h"

namespace st::parse::cisco {

void register_builtins(ParserRegistry& registry) {
  static constexpr BuiltinParser kBuiltins[] = {
      {"builtin:cisco_ios/show_version", "show version", &parse_show_version},
      {"builtin:cisco_ios/show_interfaces_status", "show interfaces status",
       &parse_show_interfaces_status},
      {"builtin:cisco_ios/show_logging", "show logging", &parse_show_logging},
      {"builtin:cisco_ios/show_clock", "show clock", &parse_show_clock},
  };
  registry.add_builtins("cisco_ios", kBuiltins);
}

}  // namespace st::parse::cisco
