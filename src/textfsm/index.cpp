#include "textfsm/index.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "textfsm/py_regex.h"
#include "textfsm/py_text.h"

namespace st::textfsm {

namespace {

std::vector<std::string_view> split_commas(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = s.find(',', start);
    if (at == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, at - start));
    start = at + 1;
  }
}

}  // namespace

std::string expand_completion(std::string_view command) {
  // re.sub(r'(\[\[.+?\]\])', ...): "[[" then at least one character, up to the first "]]".
  std::string out;
  std::size_t i = 0;
  while (i < command.size()) {
    if (command.compare(i, 2, "[[") == 0) {
      const auto first = py::decode(command, i + 2 < command.size() ? i + 2 : i);
      const std::size_t search_from = i + 2 + (i + 2 < command.size() ? first.length : 1);
      const std::size_t close = command.find("]]", search_from);
      // '.' does not match a newline: a "[[" whose body holds one cannot match here.
      if (i + 2 < command.size() && close != std::string_view::npos &&
          command.substr(i + 2, close - i - 2).find('\n') == std::string_view::npos) {
        const std::string_view word = command.substr(i + 2, close - i - 2);
        std::size_t chars = 0;
        out += '(';
        for (std::size_t k = 0; k < word.size();) {
          const auto cp = py::decode(word, k);
          if (k > 0) out += '(';
          out.append(word.substr(k, cp.length));
          k += cp.length;
          ++chars;
        }
        for (std::size_t k = 0; k < chars; ++k) out += ")?";
        i = close + 2;
        continue;
      }
    }
    out += command[i];
    ++i;
  }
  return out;
}

Result<TemplateIndex> TemplateIndex::load(const std::filesystem::path& template_dir, const std::string& index_file) {
  const auto path = template_dir / index_file;
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(Error{ErrorKind::InputRefused, "cannot read the template index", path.string(), {}, {}, {}});
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse(buffer.str(), template_dir, path.string());
}

Result<TemplateIndex> TemplateIndex::parse(std::string_view text, std::filesystem::path template_dir, std::string file_name) {
  TemplateIndex index;
  index.dir_ = std::move(template_dir);
  index.file_ = std::move(file_name);
  const auto lines = py::file_lines(text);
  std::size_t i = 0;
  // The header: the first line with something left after cutting at '#' and stripping.
  for (; i < lines.size(); ++i) {
    const std::string_view head = py::strip(lines[i].text.substr(0, lines[i].text.find('#')));
    if (head.empty()) continue;
    for (std::string_view entry : split_commas(head)) {
      std::string name(py::strip(entry));
      if (std::find(index.header_.begin(), index.header_.end(), name) != index.header_.end()) {
        return fail(Error{ErrorKind::InputRefused, fmt::format("Duplicate header entry '{}'.", name), index.file_,
                          i + 1, {}, {}});
      }
      index.header_.push_back(std::move(name));
    }
    ++i;
    break;
  }
  if (index.header_.empty()) {
    return fail(Error{ErrorKind::InputRefused, "the index has no header line", index.file_, {}, {}, {}});
  }
  const auto tcol = std::find(index.header_.begin(), index.header_.end(), "Template");
  if (tcol == index.header_.end()) {
    return fail(Error{ErrorKind::InputRefused, "Index file does not have 'Template' column.", index.file_, {}, {}, {}});
  }
  index.template_column_ = static_cast<std::size_t>(tcol - index.header_.begin());
  for (; i < lines.size(); ++i) {
    const std::string_view line = lines[i].text;
    if (line.starts_with('#')) continue;
    const auto parts = split_commas(line);
    if (parts.size() != index.header_.size()) continue;
    IndexRow row;
    row.line = static_cast<std::uint32_t>(i + 1);
    for (std::size_t c = 0; c < parts.size(); ++c) {
      std::string field(py::strip(parts[c]));
      if (index.header_[c] == "Command") field = expand_completion(field);
      row.compiled.emplace_back();
      if (c != index.template_column_ && !field.empty()) {
        auto tr = translate_python_regex(field);
        if (!tr) {
          return fail(Error{ErrorKind::InputRefused,
                            fmt::format("invalid regular expression '{}' in column {}: {}", field, index.header_[c],
                                        tr.error().message),
                            index.file_, row.line, {}, {}});
        }
        auto pattern = PcrePattern::compile(tr->pattern, true, !tr->ascii, false);
        if (!pattern) {
          return fail(Error{ErrorKind::InputRefused,
                            fmt::format("invalid regular expression '{}' in column {}: {} at offset {}", field,
                                        index.header_[c], pattern.error().message,
                                        tr->origin[std::min(pattern.error().offset, tr->origin.size() - 1)]),
                            index.file_, row.line, {}, {}});
        }
        row.compiled.back() = std::move(*pattern);
      }
      row.fields.push_back(std::move(field));
    }
    index.rows_.push_back(std::move(row));
  }
  return index;
}

const IndexRow* TemplateIndex::match(const Attributes& attributes) const {
  MatchScratch scratch(32);
  for (const auto& row : rows_) {
    bool ok = true;
    for (const auto& [key, value] : attributes) {
      const auto col = std::find(header_.begin(), header_.end(), key);
      if (col == header_.end()) continue;  // attributes the index lacks are ignored
      const auto& pattern = row.compiled[static_cast<std::size_t>(col - header_.begin())];
      if (!pattern) continue;
      if (pattern->match(value, scratch) < 0) {
        ok = false;
        break;
      }
    }
    if (ok) return &row;
  }
  return nullptr;
}

std::vector<std::string> TemplateIndex::templates(const IndexRow& row) const {
  std::vector<std::string> names;
  const std::string& field = row.fields[template_column_];
  std::size_t start = 0;
  while (true) {
    const std::size_t at = field.find(':', start);
    names.push_back(field.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + 1;
  }
  return names;
}

}  // namespace st::textfsm
