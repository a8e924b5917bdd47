// A compiled TextFSM template: Values, states and rules with their PCRE2 patterns, built
// once and shared read-only by any number of runs (see fsm.h). Semantics follow Python
// TextFSM 1.1 (textfsm/parser.py) line for line, including its error checks; errors name
// the template file, the line and, for patterns, the column.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "textfsm/pcre_pattern.h"
#include "textfsm/py_regex.h"

namespace st::textfsm {

enum class ValueOption : std::uint8_t { Filldown, Fillup, Key, Required, List, OptionBase };
std::string_view to_string(ValueOption option);

struct ValueDef {
  std::string name;
  std::string regex;  // as written: "(\S+)"
  std::vector<ValueOption> options;  // in declared order (Required/List order matters)
  bool filldown = false, fillup = false, key = false, required = false, list = false;
  std::uint32_t line = 0;
  // A List whose pattern has more than one group: each match of it on the captured text
  // that has named groups becomes an object of those groups (Python's dict items).
  std::optional<PcrePattern> nested;
  std::vector<NamedGroup> nested_groups;
  bool has(ValueOption o) const;
};

enum class LineOp : std::uint8_t { Next, Continue, Error };
enum class RecordOp : std::uint8_t { NoRecord, Record, Clear, Clearall };

// Cheap checks before a rule's regex runs; each is implied by the regex, so skipping the
// match when one fails never changes a result.
struct Prefilter {
  std::uint32_t min_length = 0;      // in characters, so also a lower bound in bytes
  bool has_first = false;
  std::array<bool, 256> first{};     // possible first bytes
  enum class Lead : std::uint8_t { None, SpaceRun, SpaceRunOptional } lead = Lead::None;
  std::string literal;               // after the (optional) leading whitespace run

  bool admits(std::string_view line) const;
};

struct Rule {
  std::uint32_t id = 0;    // index over all rules of the template
  std::uint32_t line = 0;  // template line
  std::string text;        // the rule line as written, stripped
  std::string regex;       // after ${VALUE} substitution (Python syntax)
  LineOp line_op = LineOp::Next;
  RecordOp record_op = RecordOp::NoRecord;
  std::string new_state;   // "" = stay; for Error the message (quotes kept, as Python prints it)
  int target = -1;         // state index, or kStay / kEnd / kEof
  PcrePattern pattern;
  struct Assign {
    std::uint32_t value;  // index into values()
    std::uint32_t group;  // PCRE2 capture number
  };
  std::vector<Assign> assigns;  // named groups that are Values, in Python's groupdict order
  Prefilter prefilter;
};

inline constexpr int kStay = -1;
inline constexpr int kEnd = -2;
inline constexpr int kEof = -3;

struct State {
  std::string name;
  std::uint32_t line = 0;
  std::vector<Rule> rules;
};

class Template {
 public:
  // `file` names the template in error messages.
  static Result<Template> compile(std::string_view text, std::string file);
  static Result<Template> load(const std::filesystem::path& path);

  const std::string& file() const { return file_; }
  const std::vector<ValueDef>& values() const { return values_; }
  const std::vector<State>& states() const { return states_; }
  std::vector<std::string> header() const;
  std::vector<std::string> values_with(ValueOption option) const;  // Python's GetValuesByAttrib
  int start_state() const { return start_; }
  bool has_eof_state() const { return has_eof_; }
  std::uint32_t rule_count() const { return rule_count_; }
  std::uint32_t max_captures() const { return max_captures_; }
  const Rule* rule_by_id(std::uint32_t id) const;

 private:
  friend class TemplateCompiler;
  std::string file_;
  std::vector<ValueDef> values_;
  std::vector<State> states_;
  int start_ = 0;
  bool has_eof_ = false;
  std::uint32_t rule_count_ = 0;
  std::uint32_t max_captures_ = 0;
};

}  // namespace st::textfsm
