// Vendor compliance templates (rules/compliance/<platform>.json): the commands an access
// port's configuration must hold, and must not, for the site's auth template; and a port's
// verdict against them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace st::model {

struct ComplianceTemplate {
  std::string platform;
  std::string name;                  // "flexible"
  std::vector<std::string> aliases;  // what operators also call it ("Flex-Auth")
  // Each entry: alternatives, any one of which satisfies it ("authentication port-control
  // auto" or "access-session port-control auto"); a line satisfies one when it starts with it.
  std::vector<std::vector<std::string>> required;
  std::vector<std::vector<std::string>> excluded;
  std::string colour;                // "#2e7d32", for the GUI
  bool is_default = false;           // what access ports are held to
};

class ComplianceSet {
 public:
  ComplianceSet() = default;
  explicit ComplianceSet(std::vector<ComplianceTemplate> templates) : templates_(std::move(templates)) {}
  // By name or alias, case-insensitively.
  const ComplianceTemplate* find(std::string_view platform, std::string_view name) const;
  const ComplianceTemplate* default_for(std::string_view platform) const;
  const std::vector<ComplianceTemplate>& templates() const { return templates_; }

 private:
  std::vector<ComplianceTemplate> templates_;
};

struct ComplianceVerdict {
  std::string status;  // match, mismatch, unknown
  const ComplianceTemplate* held_to = nullptr;
  std::vector<std::string> missing;   // the first spelling of each required command not found
  std::vector<std::string> excluded;  // configured lines the template excludes
};

// `config_lines`: the port's whole stanza (every line is searched, not only auth lines).
ComplianceVerdict check_compliance(const ComplianceTemplate& tpl, std::string_view config_lines);

}  // namespace st::model
