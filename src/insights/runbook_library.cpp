#include "insights/runbook_library.h"

#include <fmt/format.h>

#include <algorithm>

#include "parse/command_catalog.h"
#include "rules/embedded_rules.h"

namespace st::insights {
namespace {

// The 1-based line of the first line starting with `prefix`, 0 when there is none.
std::size_t line_starting_with(std::string_view text, std::string_view prefix) {
  std::size_t line = 1, pos = 0;
  while (pos < text.size()) {
    if (text.substr(pos).starts_with(prefix)) return line;
    pos = text.find('\n', pos);
    if (pos == std::string_view::npos) break;
    ++pos;
    ++line;
  }
  return 0;
}

Error at(const Runbook& rb, std::size_t line, std::string message) {
  Error e{ErrorKind::Parse, std::move(message), rb.file, {}, {}, {}};
  if (line > 0) e.with_line(line);
  return e;
}

}  // namespace

Result<RunbookLibrary> RunbookLibrary::load(const std::vector<RunbookFile>& files) {
  RunbookLibrary library;
  for (const auto& f : files) {
    ST_TRY(auto rb, parse_runbook(f.path, f.text));
    const std::size_t signatures_line = line_starting_with(rb.markdown, "signatures:");
    for (const auto& s : rb.signatures) {
      if (const auto* other = library.find(s)) {
        return fail(at(rb, signatures_line, fmt::format("signature '{}' is already served by {}", s, other->file)));
      }
    }
    for (const auto& need : rb.needs) {
      auto canonical = parse::canonical_command(need);
      if (!canonical || canonical->canonical != need || !canonical->filter.empty()) {
        return fail(at(rb, line_starting_with(rb.markdown, "needs:"),
                       fmt::format("needs '{}', which is not a canonical command of the catalog{}", need,
                                   canonical ? fmt::format(" (write '{}')", canonical->canonical) : "")));
      }
    }
    library.runbooks_.push_back(std::move(rb));
  }
  std::sort(library.runbooks_.begin(), library.runbooks_.end(),
            [](const Runbook& a, const Runbook& b) { return a.signature() < b.signature(); });
  return library;
}

Result<const RunbookLibrary*> RunbookLibrary::shipped() {
  static const Result<RunbookLibrary> loaded = [] {
    std::vector<RunbookFile> files;
    for (const auto& f : rules::embedded_rule_files("runbooks/")) files.push_back({f.path, f.text});
    return load(files);
  }();
  if (!loaded) return fail(loaded.error());
  return &*loaded;
}

const Runbook* RunbookLibrary::find(std::string_view signature) const {
  for (const auto& rb : runbooks_) {
    if (std::find(rb.signatures.begin(), rb.signatures.end(), signature) != rb.signatures.end()) return &rb;
  }
  return nullptr;
}

}  // namespace st::insights
