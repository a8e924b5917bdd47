// Python string semantics that TextFSM relies on, over UTF-8 bytes: str.isspace,
// str.rstrip/strip, str.splitlines (input lines), universal-newline file lines
// (template and index files), str.isidentifier and repr().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace st::textfsm::py {

// One code point decoded from UTF-8 at `pos`; invalid bytes decode as themselves (length 1).
struct CodePoint {
  char32_t value;
  std::uint32_t length;
};
CodePoint decode(std::string_view s, std::size_t pos);
// The code point that ends just before `end` (end > 0).
CodePoint decode_before(std::string_view s, std::size_t end);
std::size_t count_code_points(std::string_view s);
void append_utf8(std::string& out, char32_t cp);

bool isspace(char32_t cp);  // str.isspace() for one character
std::string_view rstrip(std::string_view s);
std::string_view lstrip(std::string_view s);
inline std::string_view strip(std::string_view s) { return lstrip(rstrip(s)); }
bool isidentifier(std::string_view s);

// str.splitlines(): breaks at \n \r \r\n \v \f \x1c \x1d \x1e U+0085 U+2028 U+2029.
class LineSplitter {
 public:
  explicit LineSplitter(std::string_view text) : text_(text) {}
  bool next(std::string_view& line);

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// A file read in Python's text mode and iterated by line: \r\n, \r and \n end a line.
struct FileLine {
  std::string_view text;  // without its terminator
  std::size_t offset;     // byte offset of the line in the file
};
std::vector<FileLine> file_lines(std::string_view text);

// repr(str) as CPython 3 prints it.
std::string repr(std::string_view s);

}  // namespace st::textfsm::py
