// statetrace-cli: the scriptable face of the core.
#include <spdlog/cfg/env.h>
#include <spdlog/spdlog.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <iostream>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/json_output.h"
#include "cli/parsers_command.h"

namespace {

int report(const st::Error& error, bool json) {
  if (json) {
    std::cerr << st::cli::dump(st::cli::to_json(error), -1) << '\n';
  } else {
    std::cerr << "statetrace-cli: error: " << error.describe() << '\n';
    if (error.kind == st::ErrorKind::Usage) std::cerr << '\n' << st::cli::usage_text();
  }
  return st::cli::exit_code_for(error);
}

}  // namespace

int main(int argc, char** argv) {
  // Logs go to stderr so stdout stays clean JSON; SPDLOG_LEVEL=debug turns on detail.
  spdlog::set_default_logger(spdlog::stderr_color_mt("statetrace"));
  spdlog::set_level(spdlog::level::warn);
  spdlog::cfg::load_env_levels();

  bool json = false;
  for (int i = 1; i < argc; ++i) json = json || std::string_view(argv[i]) == "--json";

  // `parsers` takes a variable number of positionals, so it parses its own arguments.
  if (argc >= 2 && std::string_view(argv[1]) == "parsers") return st::cli::parsers_main(argc, argv, std::cout, std::cerr);
  auto args = st::cli::parse_args(argc, argv);
  if (!args) return report(args.error(), json);
  if (args->command == "help") {
    std::cout << st::cli::usage_text();
    return st::cli::kOk;
  }
  if (args->command == "--version") {
    std::cout << "statetrace-cli " STATETRACE_VERSION "\n";
    return st::cli::kOk;
  }
  auto code = st::cli::run_command(*args, std::cout);
  if (!code) return report(code.error(), json);
  return *code;
}
