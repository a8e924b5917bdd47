// The parser registry: (platform, canonical command) -> parser.
// Later kinds (templates, custom rules) register here too; a lookup returns the
// entry of highest precedence: user > pack > shipped > built-in.
#pragma once

#include <functional>
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

struct ParserEntry {
  std::string id;                 // "builtin:cisco_ios/show_version"
  std::string platform;
  std::string canonical_command;
  ParserOrigin origin = ParserOrigin::BuiltIn;
  ParseFunction parse;
};

// A compiled-in parser, listed in a vendor's table (parse/<vendor>/register_builtins.cpp).
struct BuiltinParser {
  const char* id;       // "builtin:cisco_ios/show_version"
  const char* command;  // canonical command
  Result<ParseResult> (*parse)(const SectionInput&);
};

class ParserRegistry {
 public:
  void add(ParserEntry entry);
  // Adds a vendor's table of compiled-in parsers for `platform`.
  void add_builtins(std::string_view platform, std::span<const BuiltinParser> parsers);
  // Highest-precedence parser for the pair, or nullptr.
  const ParserEntry* find(std::string_view platform, std::string_view canonical_command) const;
  const std::vector<ParserEntry>& entries() const { return entries_; }

  // The registry with every parser compiled into the core.
  static ParserRegistry with_builtins();

 private:
  std::vector<ParserEntry> entries_;
};

}  // namespace st::parse
