// An ntc-templates / clitable `index` file: CSV rows of (Template, then attribute columns
// such as Hostname, Platform, Command) where attribute columns are Python regexes matched
// with re.match semantics and the first matching row wins. Reproduces clitable.IndexTable
// and texttable.CsvToTable exactly: a leading comment-only header search, '#' comments only
// in column 1, rows with the wrong number of commas silently dropped, fields stripped, and
// Command's "sh[[ow]]" completion expanded to "sh(o(w)?)?".
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "textfsm/pcre_pattern.h"

namespace st::textfsm {

using Attributes = std::vector<std::pair<std::string, std::string>>;  // ("Platform", "cisco_ios"), ...

struct IndexRow {
  std::uint32_t line = 0;
  std::vector<std::string> fields;                // after completion expansion
  std::vector<std::optional<PcrePattern>> compiled;  // per column; none for Template and empty fields
};

class TemplateIndex {
 public:
  static Result<TemplateIndex> load(const std::filesystem::path& template_dir, const std::string& index_file = "index");
  static Result<TemplateIndex> parse(std::string_view text, std::filesystem::path template_dir, std::string file_name);

  const std::vector<std::string>& header() const { return header_; }
  const std::vector<IndexRow>& rows() const { return rows_; }
  const std::filesystem::path& dir() const { return dir_; }

  // The first row whose every given attribute (that the index has a non-empty column
  // for) matches at the start of the attribute's value; nullptr when none does.
  const IndexRow* match(const Attributes& attributes) const;
  // The row's Template field split at ':'.
  std::vector<std::string> templates(const IndexRow& row) const;

 private:
  std::filesystem::path dir_;
  std::string file_;
  std::vector<std::string> header_;
  std::vector<IndexRow> rows_;
  std::size_t template_column_ = 0;
};

// clitable's _Completion over a Command field: every "[[xyz]]" becomes "(x(y(z)?)?)?".
std::string expand_completion(std::string_view command);

}  // namespace st::textfsm
