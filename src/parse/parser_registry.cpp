#include "parse/parser_registry.h"

#include "parse/arista/arista_parsers.h"
#include "parse/brocade/brocade_parsers.h"
#include "parse/cisco/cisco_parsers.h"
#include "parse/config/running_config_parser.h"
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
    ParserEntry entry;
    entry.id = p.id;
    entry.platform = std::string(platform);
    entry.canonical_command = p.command;
    entry.origin = ParserOrigin::BuiltIn;
    entry.parse = p.parse;
    add(std::move(entry));
  }
}

const ParserEntry* ParserRegistry::find(std::string_view platform, std::string_view command) const {
  const ParserEntry* best = nullptr;
  const ParserEntry* fallback = nullptr;
  auto rank = [](const ParserEntry& e) { return static_cast<int>(e.origin) * 2 + (e.matches ? 0 : 1); };
  for (const auto& entry : entries_) {
    if (!entry.platform.empty() && entry.platform != platform) continue;
    if (entry.disabled && entry.disabled->load(std::memory_order_relaxed)) continue;
    if (entry.matches ? !entry.matches(platform, command) : entry.canonical_command != command) continue;
    if (entry.catch_all) {
      if (!fallback || entry.origin >= fallback->origin) fallback = &entry;
      continue;
    }
    // Later registrations of equal precedence win, so a reloaded rule replaces its earlier self.
    if (!best || rank(entry) >= rank(*best)) best = &entry;
  }
  return best ? best : fallback;
}

ParserRegistry ParserRegistry::with_builtins() {
  ParserRegistry registry;
  cisco::register_builtins(registry);
  arista::register_builtins(registry);
  brocade::register_builtins(registry);
  config::register_builtins(registry);
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
