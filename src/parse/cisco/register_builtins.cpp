#include "parse/cisco/cisco_parsers.h"

namespace st::parse::cisco {

void register_builtins(ParserRegistry& registry) {
  struct Builtin {
    const char* id;
    const char* command;
    Result<ParseResult> (*parse)(const SectionInput&);
  };
  static constexpr Builtin kBuiltins[] = {
      {"builtin:cisco_ios/show_version", "show version", &parse_show_version},
      {"builtin:cisco_ios/show_interfaces_status", "show interfaces status",
       &parse_show_interfaces_status},
      {"builtin:cisco_ios/show_logging", "show logging", &parse_show_logging},
      {"builtin:cisco_ios/show_clock", "show clock", &parse_show_clock},
  };
  for (const auto& builtin : kBuiltins) {
    registry.add(ParserEntry{builtin.id, "cisco_ios", builtin.command, ParserOrigin::BuiltIn,
                             builtin.parse});
  }
}

}  // namespace st::parse::cisco
