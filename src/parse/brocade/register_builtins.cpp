#include "parse/brocade/brocade_parsers.h"

namespace st::parse::brocade {

void register_builtins(ParserRegistry& registry) {
  struct Builtin {
    const char* id;
    const char* command;
    Result<ParseResult> (*parse)(const SectionInput&);
  };
  static constexpr Builtin kBuiltins[] = {
      {"builtin:ruckus_fastiron/show_version", "show version", &parse_show_version},
      {"builtin:ruckus_fastiron/show_interfaces_brief", "show interfaces brief",
       &parse_show_interfaces_brief},
      {"builtin:ruckus_fastiron/show_logging", "show logging", &parse_show_logging},
  };
  for (const auto& builtin : kBuiltins) {
    registry.add(ParserEntry{builtin.id, "ruckus_fastiron", builtin.command,
                             ParserOrigin::BuiltIn, builtin.parse});
  }
}

}  // namespace st::parse::brocade
