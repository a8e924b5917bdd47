#include "cli/generate_command.h"

#include <fmt/format.h>

#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/exit_codes.h"
#include "generate/generator.h"

namespace st::cli {

Result<int> generate_command(const CliArgs& args, std::ostream& out) {
  generate::GenerateOptions options;
  options.out_dir = args.positional.at(0);
  ST_TRY(auto devices, args.get_int("--devices"));
  ST_TRY(auto runs, args.get_int("--runs"));
  ST_TRY(auto seed, args.get_int("--seed"));
  if (devices) options.devices = static_cast<int>(std::min<std::int64_t>(*devices, 100000));
  if (runs) options.runs = static_cast<int>(std::min<std::int64_t>(*runs, 1000));
  if (seed) options.seed = static_cast<std::uint64_t>(*seed);
  if (auto profile = args.get("--profile")) {
    if (*profile == "full") options.profile = generate::Profile::Full;
    else if (*profile == "lean") options.profile = generate::Profile::Lean;
    else return fail(ErrorKind::Usage, fmt::format("--profile expects full or lean, got '{}'", *profile));
  }
  ST_TRY(auto change_rate, args.get_int("--change-rate"));
  if (change_rate) {
    if (*change_rate < 0 || *change_rate > 100) {
      return fail(ErrorKind::Usage, fmt::format("--change-rate expects a percent from 0 to 100, got {}", *change_rate));
    }
    options.change_rate = static_cast<int>(*change_rate);
  }
  options.mess = !args.has("--tidy");
  ST_TRY(auto summary, generate::generate(options));
  if (args.json) {
    out << nlohmann::json{{"directory", options.out_dir.string()}, {"files", summary.files}, {"bytes", summary.bytes},
                          {"items", summary.items}, {"seconds", summary.seconds}}
               .dump()
        << '\n';
    return kOk;
  }
  out << fmt::format("{} run(s), {} file(s), {:.1f} MB, {} injected item(s) in {:.2f} s ({:.0f} MB/s)\n", options.runs,
                     summary.files, summary.bytes / 1e6, summary.items, summary.seconds,
                     summary.megabytes_per_second());
  out << fmt::format("manifest: {}\n", (options.out_dir / "manifest.json").string());
  return kOk;
}

}  // namespace st::cli
