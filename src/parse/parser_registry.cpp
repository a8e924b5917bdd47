#include "parse/parser_registry.h"

#include "parse/arista/arista_parsers.h"
#include "parse/brocade/brocade_parsers.h"
#include "parse/cisco/cisco_parsers.h"
#include "parse/event_kind.h"

namespace st::parse {

std::string_view to_string(ParserOrigin origin) {
  switch (origin) {
    case ParserOrigin::BuiltIn: return "builtin";
    case ParserOrigin::Shipped: return "shipped";
    case ParserOrigin::Pack: return "pack";
    case ParserOrigin::User: return "user";
  }
  return "builtin";
}

void ParserRegistry::add(ParserEntry entry) { entries_.push_back(std::move(entry)); }

void ParserRegistry::add_builtins(std::string_view platform, std::span<const BuiltinParser> parsers) {
  for (const auto& p : parsers) {
    add(ParserEntry{p.id, std::string(platform), p.command, ParserOrigin::BuiltIn, p.parse});
  }
}

const ParserEntry* ParserRegistry::find(std::string_view platform,
                                        std::string_view canonical_command) const {
  const ParserEntry* best = nullptr;
  for (const auto& entry : entries_) {
    if (entry.platform != platform || entry.canonical_command != canonical_command) continue;
    // Later registrations of equal precedence win, so a reloaded rule replaces its earlier self.
    if (!best || entry.origin >= best->origin) best = &entry;
  }
  return best;
}

ParserRegistry ParserRegistry::with_builtins() {
  ParserRegistry registry;
  cisco::register_builtins(registry);
  arista::register_builtins(registry);
  brocade::register_builtins(registry);
  // Every built-in logging parser's events get their normalized kind here, in one place.
  for (auto& entry : registry.entries_) {
    if (entry.canonical_command != "show logging") continue;
    entry.parse = [inner = std::move(entry.parse)](const SectionInput& input) -> Result<ParseResult> {
      auto result = inner(input);
      if (result) classify_events(*result, input.platform);
      return result;
    };
  }
  return registry;
}

}  // namespace st::parse
