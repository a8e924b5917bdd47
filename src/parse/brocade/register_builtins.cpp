#include "parse/brocade/brocade_parsers.h"

namespace st::parse::brocade {

void register_builtins(ParserRegistry& registry) {
  static constexpr BuiltinParser kBuiltins[] = {
      {"builtin:ruckus_fastiron/show_version", "show version", &parse_show_version},
      {"builtin:ruckus_fastiron/show_interfaces_brief", "show interfaces brief",
       &parse_show_interfaces_brief},
      {"builtin:ruckus_fastiron/show_logging", "show logging", &parse_show_logging},
      {"builtin:ruckus_fastiron/show_clock", "show clock", &parse_show_clock},
  };
  registry.add_builtins("ruckus_fastiron", kBuiltins);
}

}  // namespace st::parse::brocade
