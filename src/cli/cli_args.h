// Command-line parsing for statetrace-cli: one subcommand, its positional arguments
// and `--name value` / `--flag` options, checked against what the subcommand accepts.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"

namespace st::cli {

struct CliArgs {
  std::string command;
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // "--store" -> "FILE"; flags map to ""
  bool json = false;

  bool has(const std::string& name) const { return options.contains(name); }
  std::optional<std::string> get(const std::string& name) const;
  Result<std::optional<std::int64_t>> get_int(const std::string& name) const;
};

struct CommandSpec {
  std::string name;
  std::string synopsis;           // "ingest PATH [--site NAME]"
  std::string summary;            // one line
  std::size_t positional = 0;     // count required
  std::set<std::string> value_options;  // take a value
  std::set<std::string> flag_options;   // take none
  std::size_t max_positional = 0;  // more allowed up to this (subcommands and their arguments)
};

const std::vector<CommandSpec>& command_specs();
std::string usage_text();

// Parses argv; ErrorKind::Usage for anything malformed. `--help` yields command "help".
Result<CliArgs> parse_args(int argc, char** argv);

}  // namespace st::cli
