#include "bundle/member_policy.h"

#include <fmt/format.h>

#include "bundle/member_name.h"

namespace st::bundle {

EntryDecision decide_entry(const ArchiveEntry& entry, std::unordered_set<std::string>& seen) {
  EntryDecision d;
  if (entry.type == EntryType::Directory) return d;

  MemberName n = normalize_member_name(entry.raw_name);
  d.name = n.name;
  d.kind = EntryDecision::Kind::Skipped;
  if (d.name.empty()) {
    d.skipped = fmt::format("'{}' (no name left once '/' and '..' are removed)", entry.raw_name);
    return d;
  }
  if (!n.changed.empty()) {
    d.warning = fmt::format("member '{}' is read as '{}' ({}): names stay inside the bundle", entry.raw_name,
                            d.name, n.changed);
  }
  switch (entry.type) {
    case EntryType::Symlink:
      d.skipped = fmt::format("{} (symbolic link to '{}': links are not followed)", d.name, entry.link_target);
      return d;
    case EntryType::Hardlink:
      d.skipped = fmt::format("{} (hard link to '{}': links are not followed)", d.name, entry.link_target);
      return d;
    case EntryType::Other:
      d.skipped = fmt::format("{} (not a regular file)", d.name);
      return d;
    default:
      break;
  }
  if (!is_capture_name(d.name)) {
    d.skipped = d.name;
    return d;
  }
  if (entry.encrypted) {
    d.skipped = fmt::format("{} (encrypted: cannot be read)", d.name);
    return d;
  }
  if (!seen.insert(d.name).second) {
    d.skipped = fmt::format("{} (a second member named so, '{}': the first one is kept)", d.name, entry.raw_name);
    return d;
  }
  d.kind = EntryDecision::Kind::Capture;
  return d;
}

}  // namespace st::bundle
