#include "rules/template_directory.h"

#include <fmt/format.h>

#include <memory>
#include <mutex>

#include "rules/text_lines.h"
#include "textfsm/clitable.h"
#include "textfsm/records_json.h"

namespace st::rules {

namespace {

struct Library {
  std::mutex mutex;  // TemplateLibrary compiles and caches on first use: one parse at a time
  textfsm::TemplateLibrary library;
  explicit Library(textfsm::TemplateLibrary lib) : library(std::move(lib)) {}
};

textfsm::Attributes attributes(std::string_view platform, std::string_view command) {
  return {{"Platform", std::string(platform)}, {"Command", std::string(command)}};
}

Result<textfsm::TemplateLibrary> open_library(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return fail(Error{ErrorKind::NotFound, "no such template folder", dir.string(), {}, {},
                      "give a folder holding an ntc-templates style `index` and its .textfsm files"});
  }
  return textfsm::TemplateLibrary::open(dir);
}

}  // namespace

Result<void> check_template_directory(const std::filesystem::path& dir) {
  ST_TRY(auto lib, open_library(dir));
  (void)lib;
  return {};
}

Result<void> register_template_directory(parse::ParserRegistry& registry, const std::filesystem::path& dir) {
  ST_TRY(auto lib, open_library(dir));
  auto shared = std::make_shared<Library>(std::move(lib));
  parse::ParserEntry entry;
  entry.id = fmt::format("templates:{}", dir.filename().empty() ? dir.parent_path().filename().string()
                                                                : dir.filename().string());
  entry.origin = parse::ParserOrigin::User;
  entry.catch_all = true;
  entry.matches = [shared](std::string_view platform, std::string_view command) {
    // The index is read-only after loading; matching needs no lock.
    return shared->library.index().match(attributes(platform, command)) != nullptr;
  };
  entry.parse = [shared](const parse::SectionInput& input) -> Result<parse::ParseResult> {
    std::lock_guard lock(shared->mutex);
    ST_TRY(auto parsed, shared->library.parse(input.output, attributes(input.platform, input.canonical_command), true));
    parse::ParseResult out;
    TextLines lines(input.output);
    const textfsm::ParseTrace* trace = parsed.parts.empty() ? nullptr : &parsed.parts.front().result.trace;
    for (std::size_t r = 0; r < parsed.table.rows.size(); ++r) {
      parse::GenericRecord record;
      record.row = nlohmann::json::parse(textfsm::table_row_to_json(parsed.table, r).dump());
      if (trace && r < trace->record_lines.size()) record.source = lines.range_of(trace->record_lines[r]);
      out.records.push_back(std::move(record));
    }
    return out;
  };
  registry.add(std::move(entry));
  return {};
}

}  // namespace st::rules
