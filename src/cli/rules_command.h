// `statetrace-cli parsers ...` for parser rules: list, show, test of a rule (by id or a rule
// .json file) and, with the rule store, history, rollback, export and import. Template
// tests (`parsers test TEMPLATE|--templates DIR`) stay in cli/parsers_command.cpp, which
// asks rules_main first.
#pragma once

#include <optional>
#include <ostream>


namespace st::cli {

// The exit code when the invocation is about rules; nullopt when it is a template test.
std::optional<int> rules_main(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace st::cli
