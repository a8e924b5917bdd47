// Python clitable.CliTable.ParseCmd: pick the index row for (platform, command), parse
// the output with each of its templates, and merge the tables the way texttable does:
// columns of later templates are appended to rows of the first whose Key values are
// equal (first equal row wins; unmatched rows keep ""), or row by row when there are no
// Keys. Values are stringified as TextTable stores them: list items with str(), so None
// becomes "None" and a nested-group object its Python dict repr.
//
// A TemplateLibrary compiles each template once and keeps it for every later parse.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "textfsm/fsm.h"
#include "textfsm/index.h"
#include "textfsm/template.h"

namespace st::textfsm {

struct TableCell {
  bool is_list = false;
  std::string text;
  std::vector<std::string> items;
  bool operator==(const TableCell&) const = default;
};

struct CliTable {
  std::vector<std::string> header;
  std::vector<std::vector<TableCell>> rows;
};

struct TemplateParse {
  std::string name;          // template file name as the index gives it
  const Template* tpl = nullptr;
  ParseResult result;        // its own records (views into the parsed text)
  double compile_us = 0;     // 0 when it came from the cache
  double parse_us = 0;
};

struct CliParse {
  const IndexRow* row = nullptr;
  std::vector<TemplateParse> parts;
  CliTable table;
};

// How TextTable stores one record value (texttable.Row._SetValues' _ToStr).
TableCell to_table_cell(const ValueDef& def, const Cell& cell, const Records& records);
// str(item) for one List item.
std::string list_item_str(const ValueDef& def, const ListItem& item);

class TemplateLibrary {
 public:
  static Result<TemplateLibrary> open(const std::filesystem::path& template_dir, const std::string& index_file = "index");

  const TemplateIndex& index() const { return *index_; }
  // Compiled on first use, then cached; `compile_us` gets the compile time on that first use.
  Result<const Template*> get(const std::string& name, double* compile_us = nullptr);

  // ParseCmd; NotFound when no index row matches.
  Result<CliParse> parse(std::string_view text, const Attributes& attributes, bool trace = false);

 private:
  std::unique_ptr<TemplateIndex> index_;
  std::map<std::string, std::unique_ptr<Template>> cache_;
};

// texttable.TextTable.extend(table, keys) on `into`.
Result<void> extend_table(CliTable& into, const CliTable& other, const std::vector<std::string>& keys);

}  // namespace st::textfsm
