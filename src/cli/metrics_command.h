// `statetrace-cli metrics [--device HOST | --site SITE] [--metric NAME] [--since TIME] [--tags]`:
// the per device per run metric time series (store/metric_listing.h, docs/metrics.md).
#pragma once

#include <iosfwd>

#include "cli/cli_args.h"

namespace st::cli {

Result<int> metrics_command(const CliArgs& args, std::ostream& out);

}  // namespace st::cli
