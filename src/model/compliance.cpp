#include "model/compliance.h"

#include "parse/line_cursor.h"

namespace st::model {
namespace {

bool has_line(std::string_view config, const std::vector<std::string>& alternatives) {
  parse::LineCursor cursor(config);
  parse::Line l;
  while (cursor.next(l)) {
    const std::string_view line = parse::trim(l.text);
    for (const auto& a : alternatives) {
      if (parse::starts_with_word(line, a)) return true;
    }
  }
  return false;
}

}  // namespace

const ComplianceTemplate* ComplianceSet::find(std::string_view platform, std::string_view name) const {
  for (const auto& t : templates_) {
    if (t.platform != platform) continue;
    if (parse::iequals(t.name, name)) return &t;
    for (const auto& a : t.aliases) {
      if (parse::iequals(a, name)) return &t;
    }
  }
  return nullptr;
}

const ComplianceTemplate* ComplianceSet::default_for(std::string_view platform) const {
  for (const auto& t : templates_) {
    if (t.platform == platform && t.is_default) return &t;
  }
  return nullptr;
}

ComplianceVerdict check_compliance(const ComplianceTemplate& tpl, std::string_view config_lines) {
  ComplianceVerdict v;
  v.held_to = &tpl;
  for (const auto& r : tpl.required) {
    if (!r.empty() && !has_line(config_lines, r)) v.missing.push_back(r.front());
  }
  for (const auto& e : tpl.excluded) {
    if (!e.empty() && has_line(config_lines, e)) v.excluded.push_back(e.front());
  }
  v.status = v.missing.empty() && v.excluded.empty() ? "match" : "mismatch";
  return v;
}

}  // namespace st::model
