// `jsonpath` rules, for `| json` outputs: `records` selects the values that become
// records; `fields` maps each field to a path relative to the record ("@.linkStatus"),
// from the document root ("$.hostname"), or "@key" (the record's member name or index).
// Without `fields`, a record's scalar members are its fields. Scalars keep their JSON type.
#include <fmt/format.h>

#include "rules/jsonpath.h"
#include "rules/rule_executor.h"

namespace st::rules {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

struct FieldPath {
  std::string name;
  bool is_key = false;
  bool from_root = false;
  std::optional<JsonPath> path;
};

ordered_json to_ordered(const json& v) { return ordered_json::parse(v.dump()); }

class JsonpathExecutor final : public RuleExecutor {
 public:
  JsonPath records;
  std::vector<FieldPath> field_paths;
  Budget budget;

  std::vector<std::string> fields() const override {
    std::vector<std::string> out;
    for (const auto& f : field_paths) out.push_back(f.name);
    return out;
  }

  RuleRun run(std::string_view text, bool) const override {
    RuleRun out;
    Deadline deadline(budget.time_for(text.size()));
    for (char c : text) out.lines += c == '\n';
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return out;
    json doc;
    try {
      doc = json::parse(text.substr(begin));
    } catch (const json::parse_error& e) {
      const std::uint64_t at = begin + (e.byte > 0 ? e.byte - 1 : 0);
      out.errors.push_back({line_of(text, at), ByteRange{at, 1}, fmt::format("not JSON: {}", e.what())});
      return out;
    }
    const ByteRange whole{begin, text.size() - begin};
    for (const auto& hit : records.select(doc)) {
      if (deadline.expired_now()) {
        out.stopped = StopReason::TimeBudget;
        out.stop_detail = fmt::format("stopped at {}: over its time budget of {} ms", hit.pointer, deadline.budget_ms());
        return out;
      }
      RuleRecord r;
      r.source = whole;
      if (field_paths.empty()) {
        if (hit.value->is_object()) {
          for (auto it = hit.value->begin(); it != hit.value->end(); ++it) {
            if (it->is_primitive()) r.row[it.key()] = to_ordered(*it);
          }
        } else {
          r.row["value"] = to_ordered(*hit.value);
        }
      }
      for (const auto& f : field_paths) {
        if (f.is_key) {
          r.row[f.name] = hit.key;
          continue;
        }
        auto found = f.path->select(f.from_root ? doc : *hit.value);
        r.row[f.name] = found.empty() ? ordered_json(nullptr) : to_ordered(*found.front().value);
      }
      out.records.push_back(std::move(r));
    }
    return out;
  }

 private:
  static std::uint32_t line_of(std::string_view text, std::uint64_t at) {
    std::uint32_t n = 1;
    for (std::size_t i = 0; i < at && i < text.size(); ++i) n += text[i] == '\n';
    return n;
  }
};

}  // namespace

Result<std::unique_ptr<RuleExecutor>> compile_jsonpath(const ParserRule& rule, const CompileContext& context) {
  auto exec = std::make_unique<JsonpathExecutor>();
  exec->budget = context.budget;
  auto records = JsonPath::compile(rule.spec.at("records").get<std::string>());
  if (!records) return fail(ErrorKind::Parse, fmt::format("/jsonpath/records: {}", records.error().message));
  exec->records = std::move(*records);
  if (auto fields = rule.spec.find("fields"); fields != rule.spec.end()) {
    for (auto it = fields->begin(); it != fields->end(); ++it) {
      FieldPath f;
      f.name = it.key();
      const std::string path = it.value().get<std::string>();
      if (path == "@key") {
        f.is_key = true;
      } else {
        auto compiled = JsonPath::compile(path);
        if (!compiled) {
          return fail(ErrorKind::Parse, fmt::format("/jsonpath/fields/{}: {}", it.key(), compiled.error().message));
        }
        f.from_root = path.starts_with("$");
        f.path = std::move(*compiled);
      }
      exec->field_paths.push_back(std::move(f));
    }
  }
  return std::unique_ptr<RuleExecutor>(std::move(exec));
}

}  // namespace st::rules
