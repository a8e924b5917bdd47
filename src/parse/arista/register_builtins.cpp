#include "parse/arista/arista_parsers.h"

namespace st::parse::arista {

void register_builtins(ParserRegistry& registry) {
  static constexpr BuiltinParser kBuiltins[] = {
      {"builtin:arista_eos/show_version", "show version", &parse_show_version},
      {"builtin:arista_eos/show_interfaces_status", "show interfaces status",
       &parse_show_interfaces_status},
      {"builtin:arista_eos/show_logging", "show logging", &parse_show_logging},
      {"builtin:arista_eos/show_clock", "show clock", &parse_show_clock},
  };
  registry.add_builtins("arista_eos", kBuiltins);
}

}  // namespace st::parse::arista
