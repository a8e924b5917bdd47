// The shipped runbooks (runbooks/*.md, embedded at build time), parsed and validated once,
// looked up by any signature they serve.
#pragma once

#include <string_view>
#include <vector>

#include "core/error.h"
#include "insights/runbook.h"

namespace st::insights {

struct RunbookFile {
  std::string_view path;  // "runbooks/port-flapping.md"
  std::string_view text;
};

class RunbookLibrary {
 public:
  // Parses every file and checks the set: a signature served twice, or a `needs` entry that is
  // not a canonical command of the catalog, is an error naming the file and the line.
  static Result<RunbookLibrary> load(const std::vector<RunbookFile>& files);
  // The embedded runbooks; a bad shipped file is a build defect, reported to every caller.
  static Result<const RunbookLibrary*> shipped();

  const Runbook* find(std::string_view signature) const;
  const std::vector<Runbook>& runbooks() const { return runbooks_; }

 private:
  std::vector<Runbook> runbooks_;
};

}  // namespace st::insights
