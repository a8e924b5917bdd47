// Loading the vendor compliance templates (rules/compliance/<platform>.json, embedded;
// schema rules/schemas/compliance.schema.json) into model::ComplianceSet.
#pragma once

#include <string_view>

#include "core/error.h"
#include "model/compliance.h"

namespace st::rules {

// One platform's file; errors name the file and the JSON pointer.
Result<std::vector<model::ComplianceTemplate>> load_compliance_templates(std::string_view file, std::string_view text);

// Every shipped platform's templates, loaded once.
Result<model::ComplianceSet> shipped_compliance_templates();

}  // namespace st::rules
