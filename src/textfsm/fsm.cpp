#define PCRE2_CODE_UNIT_WIDTH 8
#include "textfsm/fsm.h"

#include <pcre2.h>

#include <fmt/format.h>

#include <algorithm>

#include "textfsm/py_text.h"

namespace st::textfsm {

namespace {

// One Value's state during a run (Python's TextFSMValue plus its options' fields).
struct Var {
  Text value;              // value.value while it is a string or None
  bool as_list = false;    // List.OnSaveRecord ran: value.value is the list (transient)
  Text filldown;           // Filldown._myvar
  std::vector<ListItem> items;  // List._value
};

bool truthy(const Cell& c) { return c.is_list ? c.item_count != 0 : !c.text.empty(); }

class Machine {
 public:
  Machine(const Template& tpl, MatchScratch& scratch, MatchScratch& nested, bool trace, ParseResult& result)
      : tpl_(tpl), values_(tpl.values()), vars_(values_.size()), scratch_(scratch), nested_(nested), trace_(trace),
        result_(result) {
    result_.records.reset(values_.size());
    result_.lines = 0;
    result_.trace = ParseTrace{};
    if (trace_) {
      result_.trace.rule_lines.resize(tpl.rule_count());
      result_.trace.rule_tries.resize(tpl.rule_count());
    }
  }

  Result<void> run(std::string_view text) {
    const State* state = &tpl_.states()[static_cast<std::size_t>(tpl_.start_state())];
    int ended = 0;  // kEnd or kEof once reached
    py::LineSplitter lines(text);
    std::string_view line;
    std::uint32_t line_no = 0;
    const auto* ovector = scratch_.ovector();
    LineFacts facts;
    bool ascii = true;
    while (ended == 0 && lines.next(line, ascii)) {
      ++line_no;
      facts.reset(line);
      for (const std::uint16_t index : state->candidates(line, facts.lead_ws())) {
        const Rule& rule = state->rules[index];
        if (!facts.admits(rule.prefilter)) continue;
        if (trace_) ++result_.trace.rule_tries[rule.id];
        const int rc = pcre2_jit_match(rule.pattern.code_for(ascii), reinterpret_cast<PCRE2_SPTR>(line.data()),
                                       line.size(), 0, 0, scratch_.data(), scratch_.context());
        if (rc == PCRE2_ERROR_NOMATCH) continue;
        if (rc < 0) {
          if (rc == PCRE2_ERROR_JIT_BADOPTION) {  // no JIT on this machine: the interpreter
            const int rc2 = rule.pattern.match(line, scratch_);
            if (rc2 == PCRE2_ERROR_NOMATCH) continue;
            if (rc2 < 0) return match_failure(rule, line_no, rc2);
            ST_CHECK(apply(rule, line, rc2, ovector));
          } else {
            return match_failure(rule, line_no, rc);
          }
        } else {
          ST_CHECK(apply(rule, line, rc, ovector));
        }
        if (trace_) {
          result_.trace.rule_lines[rule.id].push_back(line_no);
          if (!rule.assigns.empty()) pending_lines_.push_back(line_no);
        }
        switch (rule.record_op) {
          case RecordOp::NoRecord: break;
          case RecordOp::Record: append_record(); break;
          case RecordOp::Clear: clear_record(); break;
          case RecordOp::Clearall: clear_all(); break;
        }
        if (rule.line_op == LineOp::Error) {
          std::string message =
              rule.new_state.empty()
                  ? fmt::format("State Error raised. Rule Line: {}. Input Line: {}", rule.line, line)
                  : fmt::format("Error: {}. Rule Line: {}. Input Line: {}.", rule.new_state, rule.line, line);
          return fail(Error{ErrorKind::Parse, std::move(message), tpl_.file(), rule.line, {},
                            fmt::format("input line {}", line_no)});
        }
        if (rule.line_op == LineOp::Continue) continue;
        if (rule.target >= 0) {
          state = &tpl_.states()[static_cast<std::size_t>(rule.target)];
        } else if (rule.target != kStay) {
          ended = rule.target;
        }
        break;
      }
    }
    result_.lines = line_no;
    if (ended != kEnd && !tpl_.has_eof_state()) append_record();
    return {};
  }

 private:
  const Template& tpl_;
  const std::vector<ValueDef>& values_;
  std::vector<Var> vars_;
  MatchScratch& scratch_;
  MatchScratch& nested_;
  bool trace_;
  ParseResult& result_;
  std::vector<std::uint32_t> pending_lines_;

  std::unexpected<Error> match_failure(const Rule& rule, std::uint32_t line_no, int rc) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(rc, message, sizeof message);
    return fail(Error{ErrorKind::Parse,
                      fmt::format("matching input line {} failed: {}", line_no, reinterpret_cast<const char*>(message)),
                      tpl_.file(), rule.line, {}, {}});
  }

  Result<void> apply(const Rule& rule, std::string_view line, int rc, const std::size_t* ov) {
    for (const auto& a : rule.assigns) {
      Text t;
      if (static_cast<int>(a.group) < rc && ov[2 * a.group] != kUnset) {
        t = line.substr(ov[2 * a.group], ov[2 * a.group + 1] - ov[2 * a.group]);
      }
      ST_CHECK(assign(a.value, t, rule));
    }
    return {};
  }

  Result<void> assign(std::uint32_t index, Text t, const Rule& rule) {
    const ValueDef& def = values_[index];
    Var& var = vars_[index];
    var.value = t;
    for (ValueOption opt : def.options) {
      switch (opt) {
        case ValueOption::Filldown: var.filldown = t; break;
        case ValueOption::Fillup:
          if (t && !t->empty()) {
            for (std::size_t r = result_.records.size(); r-- > 0;) {
              Cell& cell = result_.records.at(r, index);
              if (truthy(cell)) break;
              cell = Cell{};
              cell.text = *t;
            }
          }
          break;
        case ValueOption::List: ST_CHECK(append_item(def, var, t, rule)); break;
        default: break;
      }
    }
    return {};
  }

  Result<void> append_item(const ValueDef& def, Var& var, Text t, const Rule& rule) {
    if (!def.nested) {
      var.items.push_back(ListItem{t, false, {}});
      return {};
    }
    if (!t) {  // Python: compiled_regex.match(None) raises TypeError
      return fail(Error{ErrorKind::Parse,
                        fmt::format("List value {} has nested groups but its group did not take part in the match "
                                    "(Python raises TypeError here)", def.name),
                        tpl_.file(), rule.line, {}, {}});
    }
    const int rc = def.nested->match(*t, nested_);
    if (rc >= 0 && !def.nested_groups.empty()) {
      ListItem item{{}, true, {}};
      const auto* ov = nested_.ovector();
      for (const auto& g : def.nested_groups) {
        if (static_cast<int>(g.number) < rc && ov[2 * g.number] != kUnset) {
          item.fields.emplace_back(t->substr(ov[2 * g.number], ov[2 * g.number + 1] - ov[2 * g.number]));
        } else {
          item.fields.emplace_back(std::nullopt);
        }
      }
      var.items.push_back(std::move(item));
    } else {
      if (rc < PCRE2_ERROR_NOMATCH) return match_failure(rule, 0, rc);
      var.items.push_back(ListItem{t, false, {}});
    }
    return {};
  }

  void clear_record() {
    for (std::size_t i = 0; i < vars_.size(); ++i) {
      Var& var = vars_[i];
      const ValueDef& def = values_[i];
      var.value = std::nullopt;
      var.as_list = false;
      if (def.filldown) var.value = var.filldown;
      if (def.list && !def.filldown) var.items.clear();
    }
    pending_lines_.clear();
  }

  void clear_all() {
    for (Var& var : vars_) {
      var.value = std::nullopt;
      var.as_list = false;
      var.filldown = std::nullopt;
      var.items.clear();
    }
    pending_lines_.clear();
  }

  void append_record() {
    if (values_.empty()) return;
    bool all_empty = true;
    for (std::size_t i = 0; i < vars_.size(); ++i) {
      Var& var = vars_[i];
      for (ValueOption opt : values_[i].options) {
        if (opt == ValueOption::Required) {
          const bool set = var.as_list ? !var.items.empty() : (var.value && !var.value->empty());
          if (!set) {
            clear_record();
            return;
          }
        } else if (opt == ValueOption::List) {
          var.as_list = true;
        }
      }
      if (var.as_list ? !var.items.empty() : var.value.has_value()) all_empty = false;
    }
    if (all_empty) {
      for (Var& var : vars_) var.as_list = false;
      return;
    }
    auto record = result_.records.append();
    for (std::size_t i = 0; i < vars_.size(); ++i) {
      Var& var = vars_[i];
      if (var.as_list) {
        record[i] = result_.records.list_cell(var.items);
      } else {
        record[i].text = var.value.value_or(std::string_view{});
      }
    }
    if (trace_) result_.trace.record_lines.push_back(pending_lines_);
    clear_record();
  }
};

}  // namespace

namespace {
std::uint32_t max_nested_captures(const Template& tpl) {
  std::uint32_t n = 1;
  for (const auto& v : tpl.values()) {
    if (v.nested) n = std::max(n, v.nested->capture_count());
  }
  return n;
}
}  // namespace

Runner::Runner(const Template& tpl)
    : tpl_(tpl), scratch_(tpl.max_captures()), nested_scratch_(max_nested_captures(tpl)) {}

Result<ParseResult> Runner::parse(std::string_view text, bool trace) {
  ParseResult result;
  ST_CHECK(parse_into(text, result, trace));
  return result;
}

Result<void> Runner::parse_into(std::string_view text, ParseResult& out, bool trace) {
  return Machine(tpl_, scratch_, nested_scratch_, trace, out).run(text);
}

Result<ParseResult> parse_text(const Template& tpl, std::string_view text, bool trace) {
  Runner runner(tpl);
  return runner.parse(text, trace);
}

}  // namespace st::textfsm
