#include "insights/detection_rule.h"

#include <algorithm>

#include <fmt/format.h>

#include "diff/diff_kind.h"
#include "metrics/metric_names.h"
#include "parse/event_kind.h"
#include "rules/embedded_rules.h"
#include "rules/json_schema.h"
#include "rules/rule_loader.h"
#include "rules/safe_regex.h"

namespace st::insights {

using nlohmann::json;
using rules::RuleProblem;

std::string_view condition_name(const Condition& condition) {
  constexpr std::string_view kNames[] = {"events", "objects", "diff", "metric", "sections", "missing_commands"};
  return kNames[condition.index()];
}

std::string_view to_string(RuleOrigin origin) {
  switch (origin) {
    case RuleOrigin::Shipped: return "shipped";
    case RuleOrigin::Pack: return "pack";
    case RuleOrigin::User: return "user";
  }
  return "shipped";
}

namespace {

// Reads one condition block, collecting every problem rather than stopping at the first.
class ConditionReader {
 public:
  ConditionReader(const std::map<std::string, double>& params, std::vector<RuleProblem>& problems)
      : params_(params), problems_(problems) {}

  double number(const json& v, const std::string& at) {
    if (v.is_number()) return v.get<double>();
    const auto name = v.get<std::string>().substr(1);
    if (auto p = params_.find(name); p != params_.end()) return p->second;
    problems_.push_back({at, fmt::format("no parameter '{}' in /params", name)});
    return 0;
  }

  void regex(const std::string& pattern, const std::string& at) {
    if (pattern.empty()) return;
    if (auto re = rules::SafeRegex::compile(pattern, rules::Budget{}); !re) {
      problems_.push_back({at, re.error().message});
    }
  }

  EventSelectorSpec selector(const json& j, const std::string& at) {
    EventSelectorSpec s;
    if (j.contains("kinds")) s.kinds = j["kinds"].get<std::vector<std::string>>();
    if (j.contains("message_ids")) s.message_ids = j["message_ids"].get<std::vector<std::string>>();
    s.text = j.value("text", "");
    const auto known = parse::event_kinds();
    for (std::size_t i = 0; i < s.kinds.size(); ++i) {
      if (std::find(known.begin(), known.end(), s.kinds[i]) == known.end()) {
        problems_.push_back({fmt::format("{}/kinds/{}", at, i), fmt::format("unknown event kind '{}'", s.kinds[i])});
      }
    }
    regex(s.text, at + "/text");
    return s;
  }

  const diff::DiffKind* kind(const json& j, const std::string& at) {
    const auto name = j.get<std::string>();
    const auto* k = diff::diff_kind_by_name(name);
    if (!k) problems_.push_back({at, fmt::format("unknown object kind '{}'", name)});
    return k;
  }

  void field_of(const diff::DiffKind* kind, const std::string& field, const std::string& at) {
    if (!kind || kind->json_row) return;
    const bool known = std::any_of(kind->fields.begin(), kind->fields.end(), [&](const auto& f) { return f.name == field; });
    if (!known) problems_.push_back({at, fmt::format("the {} kind has no field '{}'", kind->name, field)});
  }

  std::vector<FieldCondition> conditions(const json& list, const diff::DiffKind* kind, const std::string& at) {
    std::vector<FieldCondition> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const json& c = list[i];
      const std::string here = fmt::format("{}/{}", at, i);
      FieldCondition fc;
      fc.field = c["field"].get<std::string>();
      field_of(kind, fc.field, here + "/field");
      static const std::map<std::string, CompareOp> kOps{
          {"eq", CompareOp::Eq},   {"ne", CompareOp::Ne},     {"in", CompareOp::In},     {"not_in", CompareOp::NotIn},
          {"matches", CompareOp::Matches}, {"gt", CompareOp::Gt}, {"gte", CompareOp::Gte}, {"lt", CompareOp::Lt},
          {"lte", CompareOp::Lte}, {"present", CompareOp::Present}, {"absent", CompareOp::Absent}};
      fc.op = kOps.at(c["op"].get<std::string>());
      fc.value = c.value("value", json());
      const bool needs_value = fc.op != CompareOp::Present && fc.op != CompareOp::Absent;
      if (needs_value && fc.value.is_null()) problems_.push_back({here, "this op needs a value"});
      if ((fc.op == CompareOp::In || fc.op == CompareOp::NotIn) && !fc.value.is_array()) {
        problems_.push_back({here + "/value", "in and not_in take a list"});
      }
      if (fc.op == CompareOp::Matches) {
        if (!fc.value.is_string()) problems_.push_back({here + "/value", "matches takes a regex string"});
        else regex(fc.value.get<std::string>(), here + "/value");
      }
      const bool numeric = fc.op == CompareOp::Gt || fc.op == CompareOp::Gte || fc.op == CompareOp::Lt || fc.op == CompareOp::Lte;
      if (numeric) {
        if (fc.value.is_string() && fc.value.get<std::string>().starts_with('$')) {
          fc.value = number(fc.value, here + "/value");
        } else if (!fc.value.is_number()) {
          problems_.push_back({here + "/value", "gt, gte, lt and lte take a number or a $parameter"});
        }
      }
      out.push_back(std::move(fc));
    }
    return out;
  }

  Condition read(const json& when) {
    const auto first = when.begin();  // the schema allows exactly one condition
    const std::string name = first.key();
    const json& body = first.value();
    const std::string at = "/when/" + name;
    if (name == "events") {
      EventsCondition c;
      c.select = selector(body, at);
      const auto group = body.value("group_by", "interface");
      c.group_by = group == "device" ? GroupBy::Device : group == "message_id" ? GroupBy::MessageId : GroupBy::Interface;
      if (body.contains("min_count")) c.min_count = number(body["min_count"], at + "/min_count");
      if (body.contains("window_seconds")) c.window_seconds = number(body["window_seconds"], at + "/window_seconds");
      if (body.contains("min_interfaces")) c.min_interfaces = number(body["min_interfaces"], at + "/min_interfaces");
      if (body.contains("fallback")) c.fallback = selector(body["fallback"], at + "/fallback");
      if (c.min_count < 1) problems_.push_back({at + "/min_count", "must be at least 1"});
      if (c.window_seconds && *c.window_seconds <= 0) problems_.push_back({at + "/window_seconds", "must be positive"});
      return c;
    }
    if (name == "objects") {
      ObjectsCondition c;
      const auto* k = kind(body["kind"], at + "/kind");
      c.kind = body["kind"].get<std::string>();
      if (body.contains("where")) c.where = conditions(body["where"], k, at + "/where");
      if (body.contains("only_if_any")) c.only_if_any = conditions(body["only_if_any"], k, at + "/only_if_any");
      if (body.contains("with")) {
        const auto* wk = kind(body["with"]["kind"], at + "/with/kind");
        c.with = ObjectsCondition::Companion{body["with"]["kind"].get<std::string>(),
                                             conditions(body["with"]["where"], wk, at + "/with/where")};
      }
      if (body.contains("min_count")) c.min_count = number(body["min_count"], at + "/min_count");
      return c;
    }
    if (name == "diff") {
      DiffCondition c;
      const auto* k = kind(body["kind"], at + "/kind");
      c.kind = body["kind"].get<std::string>();
      const auto change = body["change"].get<std::string>();
      c.change = change == "added" ? DiffChange::Added : change == "removed" ? DiffChange::Removed : DiffChange::Changed;
      if (body.contains("fields")) {
        c.fields = body["fields"].get<std::vector<std::string>>();
        for (std::size_t i = 0; i < c.fields.size(); ++i) field_of(k, c.fields[i], fmt::format("{}/fields/{}", at, i));
      }
      if (body.contains("from")) c.from = conditions(body["from"], k, at + "/from");
      if (body.contains("to")) c.to = conditions(body["to"], k, at + "/to");
      if (c.change == DiffChange::Added && !c.from.empty()) problems_.push_back({at + "/from", "an added object has no old values"});
      if (c.change == DiffChange::Removed && !c.to.empty()) problems_.push_back({at + "/to", "a removed object has no new values"});
      if (body.contains("unless_events")) c.unless_events = selector(body["unless_events"], at + "/unless_events");
      if (body.contains("referenced_by")) {
        const json& r = body["referenced_by"];
        DiffCondition::Reference ref{r["kind"].get<std::string>(), r["fields"].get<std::vector<std::string>>()};
        const auto* rk = kind(r["kind"], at + "/referenced_by/kind");
        for (std::size_t i = 0; i < ref.fields.size(); ++i) {
          field_of(rk, ref.fields[i], fmt::format("{}/referenced_by/fields/{}", at, i));
        }
        c.referenced_by = std::move(ref);
      }
      return c;
    }
    if (name == "metric") {
      MetricCondition c;
      c.name = body["name"].get<std::string>();
      const auto& all = metrics::names::kAllMetrics;
      if (std::find(all.begin(), all.end(), c.name) == all.end()) {
        problems_.push_back({at + "/name", fmt::format("unknown metric '{}'", c.name)});
      }
      static const std::map<std::string, CompareOp> kOps{{"gt", CompareOp::Gt}, {"gte", CompareOp::Gte}, {"lt", CompareOp::Lt},
                                                        {"lte", CompareOp::Lte}, {"eq", CompareOp::Eq},  {"ne", CompareOp::Ne}};
      c.op = kOps.at(body["op"].get<std::string>());
      c.value = number(body["value"], at + "/value");
      return c;
    }
    if (name == "sections") {
      SectionsCondition c{body["status"].get<std::string>(), body.value("reason", ""), body.value("command", "")};
      regex(c.reason, at + "/reason");
      regex(c.command, at + "/command");
      return c;
    }
    return MissingCommandsCondition{body["priority"].get<std::string>() == "required"};
  }

 private:
  const std::map<std::string, double>& params_;
  std::vector<RuleProblem>& problems_;
};

std::vector<RuleSample> read_samples(const json& doc) {
  std::vector<RuleSample> out;
  if (!doc.contains("samples")) return out;
  for (const auto& s : doc["samples"]) {
    RuleSample sample;
    sample.name = s["name"].get<std::string>();
    for (const auto& run : s["runs"]) {
      std::string text;
      for (const auto& line : run) {
        text += line.get<std::string>();
        text += '\n';
      }
      sample.runs.push_back(std::move(text));
    }
    for (const auto& e : s["expected"]) {
      RuleSampleFinding f;
      f.device = e["device"].get<std::string>();
      if (e.contains("objects")) f.objects = e["objects"].get<std::vector<std::string>>();
      if (e.contains("evidence_count")) f.evidence_count = e["evidence_count"].get<std::size_t>();
      sample.expected.push_back(std::move(f));
    }
    out.push_back(std::move(sample));
  }
  return out;
}

}  // namespace

Result<DetectionRule> load_detection_rule(const json& doc, const std::string& source,
                                          const std::map<std::string, double>& params) {
  const std::string id = doc.is_object() ? doc.value("id", "") : "";
  const auto& schemas = rules::rule_schemas();
  std::vector<RuleProblem> problems;
  for (auto& v : rules::validate_schema(schemas.at("detection.schema.json"), doc, &schemas)) {
    problems.push_back({v.pointer, v.message});
  }
  if (!problems.empty()) return fail(rules::rule_error(ErrorKind::Parse, source, id, problems));

  DetectionRule rule;
  rule.id = id;
  rule.version = doc["version"].get<int>();
  rule.title = doc["title"].get<std::string>();
  rule.severity = *severity_from(doc["severity"].get<std::string>());
  rule.signature = doc["signature"].get<std::string>();
  rule.description = doc["description"].get<std::string>();
  rule.enabled = doc.value("enabled", true);
  if (doc.contains("vendors")) rule.vendors = doc["vendors"].get<std::vector<std::string>>();
  if (doc.contains("needs")) rule.needs = doc["needs"].get<std::vector<std::string>>();
  if (doc.contains("params")) rule.params = doc["params"].get<std::map<std::string, double>>();
  for (const auto& [name, value] : params) {
    if (!rule.params.contains(name)) {
      problems.push_back({"/params", fmt::format("no parameter '{}' to override", name)});
      continue;
    }
    rule.params[name] = value;
  }
  rule.summary = doc.value("summary", rule.title);
  rule.when = ConditionReader(rule.params, problems).read(doc["when"]);
  rule.samples = read_samples(doc);
  rule.source = source;
  rule.body = doc;
  if (!problems.empty()) return fail(rules::rule_error(ErrorKind::Parse, source, id, problems));
  return rule;
}

Result<DetectionRule> load_detection_rule_text(std::string_view text, const std::string& source,
                                               const std::map<std::string, double>& params) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    Error error{ErrorKind::Parse, fmt::format("not valid JSON: {}", e.what()), source, {}, e.byte, {}};
    return fail(std::move(error));
  }
  return load_detection_rule(doc, source, params);
}

}  // namespace st::insights
