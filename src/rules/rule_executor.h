// One compiled rule kind: text in, RuleRun out, under the sandbox's budget. An executor
// is built once when its rule loads and is then read-only, so parser threads share it.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "rules/parser_rule.h"
#include "rules/rule_records.h"
#include "rules/sandbox.h"
#include "textfsm/fsm.h"
#include "textfsm/template.h"

namespace st::rules {

// A TextFSM run's records as the engine gives them (views into the section text, which must
// outlive them), with each record's byte range: the fast path into a normalized table.
struct EngineRecords {
  const textfsm::Template* tpl = nullptr;
  textfsm::ParseResult parsed;
  std::vector<ByteRange> sources;  // per record, relative to the section
};

class RuleExecutor {
 public:
  virtual ~RuleExecutor() = default;
  // The run without JSON rows: fills `engine` and returns the RuleRun's status (stop,
  // errors, warnings, lines) with no records. Only textfsm executors have it.
  virtual bool has_engine_records() const { return false; }
  virtual RuleRun run_engine(std::string_view text, EngineRecords& engine) const {
    (void)engine;
    return run(text, false);
  }
  // `trace`: fill each record's `lines` (always filled by the line-based kinds; TextFSM
  // records only get them when asked, which costs a little).
  virtual RuleRun run(std::string_view text, bool trace) const = 0;
  // The fields records have, in order (TextFSM Value names, named groups, columns...).
  virtual std::vector<std::string> fields() const = 0;
};

// Where a rule finds a TextFSM template it names by file: the rule's own folder's
// ../templates, then the embedded shipped templates.
using TemplateLookup = std::function<std::optional<std::string>(const std::string& name)>;

struct CompileContext {
  Budget budget;
  TemplateLookup templates;
};

// Compile errors name the JSON pointer of the offending field in the message
// ("/regex/patterns/1: bad pattern at column 4: ...").
Result<std::unique_ptr<RuleExecutor>> compile_textfsm(const ParserRule& rule, const CompileContext& context);
Result<std::unique_ptr<RuleExecutor>> compile_regex(const ParserRule& rule, const CompileContext& context);
Result<std::unique_ptr<RuleExecutor>> compile_delimiter(const ParserRule& rule, const CompileContext& context);
Result<std::unique_ptr<RuleExecutor>> compile_jsonpath(const ParserRule& rule, const CompileContext& context);
Result<std::unique_ptr<RuleExecutor>> compile_executor(const ParserRule& rule, const CompileContext& context);

// A stop report for RuleRun::stop_detail.
std::string describe_stop(StopReason reason, std::size_t line, const Budget& budget);

}  // namespace st::rules
