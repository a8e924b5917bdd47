#include "insights/field_match.h"

#include <charconv>
#include <map>
#include <memory>
#include <string>

#include "rules/safe_regex.h"

namespace st::insights {

using nlohmann::json;

namespace {

std::string text_of(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

bool is_empty(const json& v) {
  return v.is_null() || (v.is_string() && v.get<std::string>().empty()) || (v.is_array() && v.empty());
}

bool equal(const json& a, const json& b) {
  auto na = number_of(a), nb = number_of(b);
  if (a.is_number() || b.is_number()) return na && nb && *na == *nb;
  return text_of(a) == text_of(b);
}

// Rule patterns are few and reused for every object: compiled once per thread.
const rules::SafeRegex* regex_for(const std::string& pattern) {
  thread_local std::map<std::string, std::unique_ptr<rules::SafeRegex>> cache;
  auto it = cache.find(pattern);
  if (it == cache.end()) {
    auto re = rules::SafeRegex::compile(pattern, rules::Budget{});
    it = cache.emplace(pattern, re ? std::make_unique<rules::SafeRegex>(std::move(*re)) : nullptr).first;
  }
  return it->second.get();
}

bool scalar_matches(const FieldCondition& c, const json& v) {
  switch (c.op) {
    case CompareOp::Eq: return equal(v, c.value);
    case CompareOp::In:
      for (const auto& option : c.value) {
        if (equal(v, option)) return true;
      }
      return false;
    case CompareOp::Matches: {
      const auto* re = regex_for(c.value.get<std::string>());
      rules::StopReason stopped = rules::StopReason::None;
      return re && re->matches(text_of(v), stopped) && stopped == rules::StopReason::None;
    }
    case CompareOp::Gt:
    case CompareOp::Gte:
    case CompareOp::Lt:
    case CompareOp::Lte: {
      auto n = number_of(v);
      auto limit = number_of(c.value);
      if (!n || !limit) return false;
      if (c.op == CompareOp::Gt) return *n > *limit;
      if (c.op == CompareOp::Gte) return *n >= *limit;
      if (c.op == CompareOp::Lt) return *n < *limit;
      return *n <= *limit;
    }
    default: return false;
  }
}

}  // namespace

std::optional<double> number_of(const json& value) {
  if (value.is_number()) return value.get<double>();
  if (!value.is_string()) return std::nullopt;
  const auto& s = value.get_ref<const std::string&>();
  std::size_t start = s.find_first_not_of(' ');
  if (start == std::string::npos) return std::nullopt;
  if (s[start] == '+') ++start;
  double out = 0;
  auto [ptr, ec] = std::from_chars(s.data() + start, s.data() + s.size(), out);
  if (ec != std::errc()) return std::nullopt;
  return out;
}

bool field_matches(const FieldCondition& c, const json& fields) {
  const json& v = fields.contains(c.field) ? fields[c.field] : json();
  if (c.op == CompareOp::Present) return !is_empty(v);
  if (c.op == CompareOp::Absent) return is_empty(v);
  if (c.op == CompareOp::Ne || c.op == CompareOp::NotIn) {
    FieldCondition positive = c;
    positive.op = c.op == CompareOp::Ne ? CompareOp::Eq : CompareOp::In;
    return !field_matches(positive, fields);
  }
  if (is_empty(v)) return false;
  if (v.is_array()) {
    for (const auto& element : v) {
      if (scalar_matches(c, element)) return true;
    }
    return false;
  }
  return scalar_matches(c, v);
}

bool all_match(const std::vector<FieldCondition>& conditions, const json& fields) {
  for (const auto& c : conditions) {
    if (!field_matches(c, fields)) return false;
  }
  return true;
}

}  // namespace st::insights
