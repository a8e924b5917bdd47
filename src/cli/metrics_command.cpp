#include "cli/metrics_command.h"

#include <fmt/format.h>

#include <cmath>
#include <ostream>

#include "cli/exit_codes.h"
#include "cli/json_output.h"
#include "cli/store_access.h"
#include "cli/text_table.h"
#include "store/metric_listing.h"

namespace st::cli {
namespace {

// Counts print as integers; rates keep two decimals.
bool is_whole(double v) { return std::abs(v) < 9e15 && v == std::floor(v); }
std::string show_value(double v) {
  return is_whole(v) ? fmt::format("{}", static_cast<std::int64_t>(v)) : fmt::format("{:.2f}", v);
}
Json json_value(double v) { return is_whole(v) ? Json(static_cast<std::int64_t>(v)) : Json(v); }
Json json_text(const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); }

}  // namespace

Result<int> metrics_command(const CliArgs& args, std::ostream& out) {
  store::MetricQuery query{args.get("--device"), args.get("--site"), args.get("--metric"), args.get("--since")};
  if (query.device && query.site) return fail(ErrorKind::Usage, "metrics: give --device or --site, not both");
  ST_TRY(auto db, open_for_reading(args));

  if (args.has("--tags")) {
    ST_TRY(auto rows, store::list_device_tags(db, query));
    if (args.json) {
      Json array = Json::array();
      for (const auto& r : rows) {
        array.push_back({{"run", r.run.value}, {"captured_at", json_text(r.captured_at)}, {"site", r.site},
                         {"device", r.device}, {"tag", r.tag}});
      }
      out << dump(array) << '\n';
      return kOk;
    }
    TextTable t({"CAPTURED", "DEVICE", "TAG"});
    for (const auto& r : rows) t.add({r.captured_at.value_or("-"), r.device, r.tag});
    t.print(out);
    return kOk;
  }

  if (!query.metric) {
    ST_TRY(auto names, store::list_metric_names(db, query));
    if (args.json) {
      out << dump(Json(names)) << '\n';
    } else {
      for (const auto& n : names) out << n << '\n';
    }
    return kOk;
  }

  ST_TRY(auto rows, store::list_metrics(db, query));
  if (args.json) {
    Json array = Json::array();
    for (const auto& r : rows) {
      array.push_back({{"run", r.run.value}, {"captured_at", json_text(r.captured_at)}, {"site", r.site},
                       {"device", r.device}, {"metric", r.metric}, {"value", json_value(r.value)}});
    }
    out << dump(array) << '\n';
    return kOk;
  }
  TextTable t({"CAPTURED", "DEVICE", "METRIC", "VALUE"});
  for (const auto& r : rows) t.add({r.captured_at.value_or("-"), r.device, r.metric, show_value(r.value)});
  t.print(out);
  return kOk;
}

}  // namespace st::cli
