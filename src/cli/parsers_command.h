// `statetrace-cli parsers test`: runs a TextFSM template (or the template an ntc-style
// index picks for a platform and command) over a sample file and shows the records, which
// input lines each record and rule matched, and the compile and parse times.
//
//   statetrace-cli parsers test TEMPLATE --sample FILE [--json]
//   statetrace-cli parsers test --templates DIR --platform P --command 'show ...' --sample FILE [--json]
//
// The CLI's argument table takes a fixed number of positionals per command, so main()
// hands `parsers` straight to parsers_main with the raw arguments.
#pragma once

#include <iosfwd>

namespace st::cli {

int parsers_main(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace st::cli
