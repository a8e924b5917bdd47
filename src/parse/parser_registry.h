// The parser registry: (platform, canonical command) -> parser.
// Built-in C++ parsers and parser rules (src/rules/) register here; a lookup returns the
// entry of highest precedence: user > pack > shipped > built-in. At equal precedence an
// exact (platform, command) entry beats a pattern, and a later registration beats an
// earlier one. Catch-all entries (a `--templates DIR`) answer only when nothing else does.
// An entry whose `disabled` flag is set (a rule the sandbox stopped) is passed over.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "parse/parse_result.h"

namespace st::parse {

enum class ParserOrigin { BuiltIn = 0, Shipped = 1, Pack = 2, User = 3 };
std::string_view to_string(ParserOrigin origin);

// What a parser sees: the output bytes of one section (no prompt, no command line).
struct SectionInput {
  std::string_view output;
  std::string_view platform;           // "cisco_ios"
  std::string_view canonical_command;  // "show interfaces status"
};

using ParseFunction = std::function<Result<ParseResult>(const SectionInput&)>;

// For entries that cover many commands: does it take this (platform, command)?
using CommandPredicate = std::function<bool(std::string_view platform, std::string_view command)>;

struct ParserEntry {
  std::string id;                 // "builtin:cisco_ios/show_clock", "rule:user:cisco_ios/show_clock"
  std::string platform;           // "" = any platform
  std::string canonical_command;  // exact command; unused when `matches` is set
  ParserOrigin origin = ParserOrigin::BuiltIn;
  ParseFunction parse;
  CommandPredicate matches;       // set: a pattern entry (command regex, template index)
  bool catch_all = false;         // answers only when no other entry does
  std::shared_ptr<const std::atomic<bool>> disabled;  // set and true: skipped by find()
};

// A compiled-in parser, listed in a vendor's table (parse/<vendor>/register_builtins.cpp).
struct BuiltinParser {
  const char* id;       // "builtin:cisco_ios/show_clock"
  const char* command;  // canonical command
  Result<ParseResult> (*parse)(const SectionInput&);
};

class ParserRegistry {
 public:
  void add(ParserEntry entry);
  // Adds a vendor's table of compiled-in parsers for `platform`.
  void add_builtins(std::string_view platform, std::span<const BuiltinParser> parsers);
  // Highest-precedence parser for the pair, or nullptr. `command` is the canonical command,
  // or for a command not in the catalog the command as typed (only patterns can take it).
  const ParserEntry* find(std::string_view platform, std::string_view command) const;
  const std::vector<ParserEntry>& entries() const { return entries_; }

  // The registry with every parser compiled into the core.
  static ParserRegistry with_builtins();

 private:
  std::vector<ParserEntry> entries_;
};

}  // namespace st::parse
