#include "generate/manifest_writer.h"

#include <fstream>

#include <nlohmann/json.hpp>

namespace st::generate {

Result<void> write_manifest(const std::filesystem::path& file, const Manifest& m) {
  std::ofstream out(file, std::ios::binary);
  if (!out) return fail(Error{ErrorKind::Io, "cannot write the manifest", file.string(), {}, {}, {}});
  nlohmann::json head = {{"schema_version", 2},
                         {"generator", "statetrace-cli generate"},
                         {"seed", m.seed},
                         {"profile", m.profile},
                         {"runs", nlohmann::json::array()},
                         {"devices", nlohmann::json::array()}};
  for (const auto& r : m.runs) {
    head["runs"].push_back(
        {{"run", r.run}, {"directory", r.directory}, {"first_capture", r.first_capture}, {"last_capture", r.last_capture}});
  }
  for (const auto& d : m.devices) {
    head["devices"].push_back({{"hostname", d.hostname},
                               {"vendor", d.vendor},
                               {"platform", d.platform},
                               {"model", d.model},
                               {"site", d.site},
                               {"file", d.file},
                               {"absent_runs", d.absent_runs}});
  }
  // The items are streamed one per line so that a large manifest is never one big string.
  std::string text = head.dump(2);
  text.erase(text.rfind('}'));
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  out << text << ",\n  \"items\": [";
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    const ManifestItem& it = m.items[i];
    const nlohmann::json row = {{"run", it.run},     {"device", it.device}, {"vendor", it.vendor},
                                {"kind", item_kind_name(it.kind)}, {"object", it.object}, {"details", it.details}};
    out << (i ? ",\n    " : "\n    ") << row.dump();
  }
  out << (m.items.empty() ? "]\n}\n" : "\n  ]\n}\n");
  if (!out.flush()) return fail(Error{ErrorKind::Io, "cannot write the manifest", file.string(), {}, {}, {}});
  return {};
}

}  // namespace st::generate
