#include "rules/json_schema.h"

#include <fmt/format.h>

#include <map>
#include <memory>

#include "util/regex.h"

namespace st::rules {

namespace {

using nlohmann::json;

std::string type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "integer";
    case json::value_t::number_float: return "number";
    case json::value_t::string: return "string";
    case json::value_t::array: return "array";
    case json::value_t::object: return "object";
    default: return "unknown";
  }
}

bool has_type(const json& v, const std::string& type) {
  const std::string actual = type_name(v);
  if (actual == type) return true;
  if (type == "number" && actual == "integer") return true;
  // 2.0 is an integer in JSON Schema.
  if (type == "integer" && v.is_number_float()) {
    double d = v.get<double>();
    return d == static_cast<double>(static_cast<long long>(d));
  }
  return false;
}

std::string short_text(const json& v) {
  std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

class Validator {
 public:
  Validator(const json& root, const SchemaSet* others) : root_(&root), others_(others) {}

  void check(const json& schema, const json& value, const std::string& at, std::vector<SchemaViolation>& out) {
    check_in(root_, schema, value, at, out);
  }

 private:
  // `doc`: the schema document `schema` belongs to (local "#/..." refs resolve in it).
  void check_in(const json* doc, const json& schema, const json& value, const std::string& at,
                std::vector<SchemaViolation>& out) {
    const json* saved = root_;
    root_ = doc;
    check_here(schema, value, at, out);
    root_ = saved;
  }

  void check_here(const json& schema, const json& value, const std::string& at, std::vector<SchemaViolation>& out) {
    if (schema.is_boolean()) {
      if (!schema.get<bool>()) out.push_back({at, "no value is allowed here"});
      return;
    }
    if (!schema.is_object()) return;
    if (auto ref = schema.find("$ref"); ref != schema.end() && ref->is_string()) {
      const json* doc = root_;
      const json* target = resolve(ref->get<std::string>(), doc);
      if (!target) {
        out.push_back({at, fmt::format("schema error: unresolvable $ref '{}'", ref->get<std::string>())});
        return;
      }
      check_in(doc, *target, value, at, out);
    }
    if (auto t = schema.find("type"); t != schema.end()) {
      bool ok = false;
      if (t->is_string()) ok = has_type(value, t->get<std::string>());
      if (t->is_array()) {
        for (const auto& one : *t) ok = ok || (one.is_string() && has_type(value, one.get<std::string>()));
      }
      if (!ok) {
        out.push_back({at, fmt::format("expected {}, got {}", t->is_string() ? t->get<std::string>() : t->dump(),
                                       type_name(value))});
        return;  // the other keywords would only repeat the point
      }
    }
    if (auto e = schema.find("enum"); e != schema.end() && e->is_array()) {
      bool found = false;
      for (const auto& option : *e) found = found || option == value;
      if (!found) out.push_back({at, fmt::format("{} is not one of {}", short_text(value), e->dump())});
    }
    if (auto c = schema.find("const"); c != schema.end() && *c != value) {
      out.push_back({at, fmt::format("expected {}", c->dump())});
    }
    if (value.is_string()) check_string(schema, value.get_ref<const std::string&>(), at, out);
    if (value.is_number()) check_number(schema, value, at, out);
    if (value.is_object()) check_object(schema, value, at, out);
    if (value.is_array()) check_array(schema, value, at, out);
    check_combinators(schema, value, at, out);
  }

  // Resolves "#/...", "other.schema.json" or "other.schema.json#/..."; `doc` becomes the target's document.
  const json* resolve(const std::string& ref, const json*& doc) {
    const auto hash = ref.find('#');
    const std::string file = ref.substr(0, hash);
    const std::string pointer = hash == std::string::npos ? "" : ref.substr(hash + 1);
    if (!file.empty()) {
      if (!others_) return nullptr;
      auto it = others_->find(file);
      if (it == others_->end()) return nullptr;
      doc = &it->second;
    }
    if (pointer.empty()) return doc;
    try {
      const json& target = doc->at(json::json_pointer(pointer));
      return &target;
    } catch (const json::exception&) {
      return nullptr;
    }
  }

  void check_string(const json& schema, const std::string& s, const std::string& at, std::vector<SchemaViolation>& out) {
    if (auto m = schema.find("minLength"); m != schema.end() && m->is_number() && s.size() < m->get<std::size_t>()) {
      out.push_back({at, fmt::format("shorter than {} character(s)", m->get<std::size_t>())});
    }
    if (auto p = schema.find("pattern"); p != schema.end() && p->is_string()) {
      const util::Regex* re = regex(p->get<std::string>());
      if (re && !re->matches(s)) out.push_back({at, fmt::format("'{}' does not match {}", s, p->get<std::string>())});
    }
  }

  void check_number(const json& schema, const json& v, const std::string& at, std::vector<SchemaViolation>& out) {
    const double d = v.get<double>();
    if (auto m = schema.find("minimum"); m != schema.end() && m->is_number() && d < m->get<double>()) {
      out.push_back({at, fmt::format("{} is less than the minimum {}", v.dump(), m->dump())});
    }
    if (auto m = schema.find("maximum"); m != schema.end() && m->is_number() && d > m->get<double>()) {
      out.push_back({at, fmt::format("{} is more than the maximum {}", v.dump(), m->dump())});
    }
  }

  void check_object(const json& schema, const json& v, const std::string& at, std::vector<SchemaViolation>& out) {
    if (auto r = schema.find("required"); r != schema.end() && r->is_array()) {
      for (const auto& name : *r) {
        if (name.is_string() && !v.contains(name.get<std::string>())) {
          out.push_back({at, fmt::format("missing required property '{}'", name.get<std::string>())});
        }
      }
    }
    if (auto m = schema.find("minProperties"); m != schema.end() && m->is_number() && v.size() < m->get<std::size_t>()) {
      out.push_back({at, fmt::format("fewer than {} property(ies)", m->get<std::size_t>())});
    }
    if (auto m = schema.find("maxProperties"); m != schema.end() && m->is_number() && v.size() > m->get<std::size_t>()) {
      out.push_back({at, fmt::format("more than {} property(ies)", m->get<std::size_t>())});
    }
    const json* props = nullptr;
    if (auto p = schema.find("properties"); p != schema.end() && p->is_object()) props = &*p;
    const json* pattern_props = nullptr;
    if (auto p = schema.find("patternProperties"); p != schema.end() && p->is_object()) pattern_props = &*p;
    const json* additional = nullptr;
    if (auto a = schema.find("additionalProperties"); a != schema.end()) additional = &*a;
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string child = pointer_append(at, it.key());
      bool known = false;
      if (props) {
        if (auto p = props->find(it.key()); p != props->end()) {
          known = true;
          check_here(*p, it.value(), child, out);
        }
      }
      if (pattern_props) {
        for (auto pp = pattern_props->begin(); pp != pattern_props->end(); ++pp) {
          const util::Regex* re = regex(pp.key());
          if (re && re->matches(it.key())) {
            known = true;
            check_here(pp.value(), it.value(), child, out);
          }
        }
      }
      if (known || !additional) continue;
      if (additional->is_boolean()) {
        if (!additional->get<bool>()) out.push_back({child, fmt::format("unknown property '{}'", it.key())});
      } else {
        check_here(*additional, it.value(), child, out);
      }
    }
  }

  void check_array(const json& schema, const json& v, const std::string& at, std::vector<SchemaViolation>& out) {
    if (auto m = schema.find("minItems"); m != schema.end() && m->is_number() && v.size() < m->get<std::size_t>()) {
      out.push_back({at, fmt::format("fewer than {} item(s)", m->get<std::size_t>())});
    }
    if (auto items = schema.find("items"); items != schema.end() && (items->is_object() || items->is_boolean())) {
      for (std::size_t i = 0; i < v.size(); ++i) check_here(*items, v[i], pointer_append(at, std::to_string(i)), out);
    }
  }

  void check_combinators(const json& schema, const json& v, const std::string& at, std::vector<SchemaViolation>& out) {
    if (auto all = schema.find("allOf"); all != schema.end() && all->is_array()) {
      for (const auto& s : *all) check_here(s, v, at, out);
    }
    for (const char* key : {"oneOf", "anyOf"}) {
      auto list = schema.find(key);
      if (list == schema.end() || !list->is_array() || list->empty()) continue;
      std::size_t passing = 0;
      std::vector<SchemaViolation> closest;
      bool have_closest = false;
      for (const auto& s : *list) {
        std::vector<SchemaViolation> branch;
        check_here(s, v, at, branch);
        if (branch.empty()) {
          ++passing;
        } else if (!have_closest || branch_score(branch, at) > branch_score(closest, at)) {
          closest = std::move(branch);
          have_closest = true;
        }
      }
      if (passing == 0) {
        // The branch that got deepest into the value is the one the author meant.
        out.insert(out.end(), closest.begin(), closest.end());
      } else if (passing > 1 && std::string_view(key) == "oneOf") {
        out.push_back({at, fmt::format("matches {} of the oneOf alternatives; exactly one is allowed", passing)});
      }
    }
    if (auto n = schema.find("not"); n != schema.end()) {
      std::vector<SchemaViolation> branch;
      check_here(*n, v, at, branch);
      if (branch.empty()) out.push_back({at, "matches a schema it must not match"});
    }
  }

  // Deeper pointers and fewer errors mean a branch that fit better.
  static long branch_score(const std::vector<SchemaViolation>& errors, const std::string& at) {
    std::size_t deepest = 0;
    for (const auto& e : errors) deepest = std::max(deepest, e.pointer.size());
    return static_cast<long>(deepest - at.size()) * 16 - static_cast<long>(errors.size());
  }

  const util::Regex* regex(const std::string& pattern) {
    auto it = regex_cache_.find(pattern);
    if (it == regex_cache_.end()) {
      auto compiled = util::Regex::compile(pattern);
      it = regex_cache_.emplace(pattern, compiled ? std::make_unique<util::Regex>(std::move(*compiled)) : nullptr).first;
    }
    return it->second.get();
  }

  const json* root_;
  const SchemaSet* others_;
  std::map<std::string, std::unique_ptr<util::Regex>> regex_cache_;
};

}  // namespace

std::string pointer_append(const std::string& base, const std::string& token) {
  std::string out = base;
  out.push_back('/');
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out.push_back(c);
  }
  return out;
}

std::vector<SchemaViolation> validate_schema(const nlohmann::json& schema, const nlohmann::json& document,
                                             const SchemaSet* others) {
  std::vector<SchemaViolation> out;
  Validator(schema, others).check(schema, document, "", out);
  return out;
}

}  // namespace st::rules
