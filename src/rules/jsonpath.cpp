#include "rules/jsonpath.h"

#include <fmt/format.h>

#include <charconv>
#include <optional>

#include "rules/json_schema.h"

namespace st::rules {

using nlohmann::json;

struct JsonPath::Step {
  enum class Kind { Key, Index, Wildcard, Filter } kind = Kind::Key;
  bool recursive = false;  // ".." before it
  std::string key;
  long index = 0;
  // Filter: @-relative path, operator ("" = exists), literal.
  std::vector<std::shared_ptr<const Step>> filter_path;
  std::string op;
  json literal;
};

namespace {

using Step = JsonPath::Step;
using StepPtr = std::shared_ptr<const Step>;

class PathParser {
 public:
  explicit PathParser(std::string_view text) : s_(text) {}

  Result<std::vector<StepPtr>> parse_root(char root) {
    skip_ws();
    if (!eat(root)) return error(fmt::format("a path starts with '{}'", root));
    return parse_steps(false);
  }

 private:
  Result<std::vector<StepPtr>> parse_steps(bool in_filter) {
    std::vector<StepPtr> steps;
    while (true) {
      skip_ws();
      if (at_end()) break;
      if (in_filter && (peek() == ')' || peek() == '=' || peek() == '!' || peek() == '<' || peek() == '>')) break;
      auto step = std::make_shared<Step>();
      if (eat('.')) {
        if (eat('.')) step->recursive = true;
        if (eat('*')) {
          step->kind = Step::Kind::Wildcard;
        } else if (peek() == '[' && step->recursive) {
          ST_TRY(auto bracket, parse_bracket(*step));
          (void)bracket;
        } else {
          std::size_t b = pos_;
          while (!at_end() && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_' || peek() == '-' ||
                               static_cast<unsigned char>(peek()) >= 0x80)) {
            ++pos_;
          }
          if (b == pos_) return error("expected a member name after '.'");
          step->key = std::string(s_.substr(b, pos_ - b));
        }
      } else if (peek() == '[') {
        ST_TRY(auto bracket, parse_bracket(*step));
        (void)bracket;
      } else {
        return error(fmt::format("unexpected '{}'", peek()));
      }
      steps.push_back(std::move(step));
    }
    return steps;
  }

  Result<bool> parse_bracket(Step& step) {
    eat('[');
    skip_ws();
    if (eat('*')) {
      step.kind = Step::Kind::Wildcard;
    } else if (peek() == '\'' || peek() == '"') {
      ST_TRY(step.key, quoted());
    } else if (eat('?')) {
      skip_ws();
      if (!eat('(')) return error("expected '(' after '?'");
      skip_ws();
      if (!eat('@')) return error("a filter starts with '@'");
      step.kind = Step::Kind::Filter;
      ST_TRY(step.filter_path, parse_steps(true));
      skip_ws();
      for (const char* op : {"==", "!=", "<=", ">=", "<", ">"}) {
        if (s_.substr(pos_).starts_with(op)) {
          step.op = op;
          pos_ += step.op.size();
          break;
        }
      }
      if (!step.op.empty()) {
        skip_ws();
        ST_TRY(step.literal, literal());
      }
      skip_ws();
      if (!eat(')')) return error("expected ')' to close the filter");
    } else {
      std::size_t b = pos_;
      if (peek() == '-') ++pos_;
      while (!at_end() && std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
      long n = 0;
      auto [ptr, ec] = std::from_chars(s_.data() + b, s_.data() + pos_, n);
      if (ec != std::errc() || ptr != s_.data() + pos_) return error("expected an index, '*', a quoted name or a filter");
      step.kind = Step::Kind::Index;
      step.index = n;
    }
    skip_ws();
    if (!eat(']')) return error("expected ']'");
    return true;
  }

  Result<std::string> quoted() {
    const char q = s_[pos_++];
    std::string out;
    while (!at_end() && peek() != q) {
      if (peek() == '\\' && pos_ + 1 < s_.size()) ++pos_;
      out.push_back(s_[pos_++]);
    }
    if (!eat(q)) return error("unterminated string");
    return out;
  }

  Result<json> literal() {
    if (peek() == '\'' || peek() == '"') {
      ST_TRY(auto text, quoted());
      return json(text);
    }
    std::size_t b = pos_;
    while (!at_end() && peek() != ')' && peek() != ' ') ++pos_;
    const std::string word(s_.substr(b, pos_ - b));
    if (word == "true") return json(true);
    if (word == "false") return json(false);
    if (word == "null") return json(nullptr);
    json number = json::parse(word, nullptr, false);
    if (number.is_discarded() || !number.is_number()) return error(fmt::format("'{}' is not a literal", word));
    return number;
  }

  std::unexpected<Error> error(const std::string& what) const {
    return fail(ErrorKind::Parse, fmt::format("JSONPath column {}: {}", pos_ + 1, what));
  }
  bool at_end() const { return pos_ >= s_.size(); }
  char peek() const { return at_end() ? '\0' : s_[pos_]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  void skip_ws() {
    while (!at_end() && peek() == ' ') ++pos_;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

void apply(const std::vector<StepPtr>& steps, std::size_t i, const JsonPathHit& at, std::vector<JsonPathHit>& out);

bool compare(const json& value, const std::string& op, const json& literal) {
  if (op == "==") return value == literal;
  if (op == "!=") return value != literal;
  if (!((value.is_number() && literal.is_number()) || (value.is_string() && literal.is_string()))) return false;
  if (op == "<") return value < literal;
  if (op == "<=") return value <= literal;
  if (op == ">") return value > literal;
  if (op == ">=") return value >= literal;
  return false;
}

bool passes(const Step& filter, const json& candidate) {
  std::vector<JsonPathHit> hits;
  apply(filter.filter_path, 0, JsonPathHit{&candidate, "", ""}, hits);
  if (filter.op.empty()) return !hits.empty();
  for (const auto& h : hits) {
    if (compare(*h.value, filter.op, filter.literal)) return true;
  }
  return false;
}

// The children a step selects directly under `v`.
void children(const Step& step, const JsonPathHit& at, std::vector<JsonPathHit>& found) {
  const json& v = *at.value;
  switch (step.kind) {
    case Step::Kind::Key:
      if (v.is_object()) {
        if (auto it = v.find(step.key); it != v.end()) found.push_back({&*it, step.key, pointer_append(at.pointer, step.key)});
      }
      break;
    case Step::Kind::Index:
      if (v.is_array()) {
        long n = step.index < 0 ? static_cast<long>(v.size()) + step.index : step.index;
        if (n >= 0 && static_cast<std::size_t>(n) < v.size()) {
          found.push_back({&v[static_cast<std::size_t>(n)], std::to_string(n), pointer_append(at.pointer, std::to_string(n))});
        }
      }
      break;
    case Step::Kind::Wildcard:
    case Step::Kind::Filter:
      if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
          if (step.kind == Step::Kind::Filter && !passes(step, *it)) continue;
          found.push_back({&*it, it.key(), pointer_append(at.pointer, it.key())});
        }
      } else if (v.is_array()) {
        for (std::size_t n = 0; n < v.size(); ++n) {
          if (step.kind == Step::Kind::Filter && !passes(step, v[n])) continue;
          found.push_back({&v[n], std::to_string(n), pointer_append(at.pointer, std::to_string(n))});
        }
      }
      break;
  }
}

void descend(const Step& step, const JsonPathHit& at, std::vector<JsonPathHit>& found) {
  children(step, at, found);
  const json& v = *at.value;
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) descend(step, {&*it, it.key(), pointer_append(at.pointer, it.key())}, found);
  } else if (v.is_array()) {
    for (std::size_t n = 0; n < v.size(); ++n) {
      descend(step, {&v[n], std::to_string(n), pointer_append(at.pointer, std::to_string(n))}, found);
    }
  }
}

void apply(const std::vector<StepPtr>& steps, std::size_t i, const JsonPathHit& at, std::vector<JsonPathHit>& out) {
  if (i == steps.size()) {
    out.push_back(at);
    return;
  }
  std::vector<JsonPathHit> found;
  if (steps[i]->recursive) descend(*steps[i], at, found);
  else children(*steps[i], at, found);
  for (const auto& f : found) apply(steps, i + 1, f, out);
}

}  // namespace

Result<JsonPath> JsonPath::compile(std::string_view path) {
  PathParser parser(path);
  const char root = !path.empty() && path.find_first_not_of(' ') != std::string_view::npos &&
                            path[path.find_first_not_of(' ')] == '@'
                        ? '@'
                        : '$';
  ST_TRY(auto steps, parser.parse_root(root));
  JsonPath p;
  p.text_ = std::string(path);
  p.steps_ = std::move(steps);
  return p;
}

std::vector<JsonPathHit> JsonPath::select(const nlohmann::json& root) const {
  std::vector<JsonPathHit> out;
  apply(steps_, 0, JsonPathHit{&root, "", ""}, out);
  return out;
}

}  // namespace st::rules
