#include "parse/arista/arista_parsers.h"

namespace st::parse::arista {

void register_builtins(ParserRegistry& registry) {
  struct Builtin {
    const char* id;
    const char* command;
    Result<ParseResult> (*parse)(const SectionInput&);
  };
  static constexpr Builtin kBuiltins[] = {
      {"builtin:arista_eos/show_version", "show version", &parse_show_version},
      {"builtin:arista_eos/show_interfaces_status", "show interfaces status",
       &parse_show_interfaces_status},
      {"builtin:arista_eos/show_logging", "show logging", &parse_show_logging},
  };
  for (const auto& builtin : kBuiltins) {
    registry.add(ParserEntry{builtin.id, "arista_eos", builtin.command, ParserOrigin::BuiltIn,
                             builtin.parse});
  }
}

}  // namespace st::parse::arista
