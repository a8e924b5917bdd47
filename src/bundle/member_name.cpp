#include "bundle/member_name.h"

#include <vector>

namespace st::bundle {

MemberName normalize_member_name(std::string_view raw) {
  std::string text(raw);
  bool backslashes = false;
  for (char& c : text) {
    if (c == '\\') {
      c = '/';
      backslashes = true;
    }
  }
  std::string_view rest = text;
  bool drive = false;
  if (rest.size() >= 2 && rest[1] == ':' &&
      ((rest[0] >= 'A' && rest[0] <= 'Z') || (rest[0] >= 'a' && rest[0] <= 'z'))) {
    rest.remove_prefix(2);
    drive = true;
  }
  const bool absolute = rest.starts_with('/');

  std::vector<std::string_view> parts;
  bool escaped = false;
  while (!rest.empty()) {
    auto slash = rest.find('/');
    std::string_view part = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty()) {
        escaped = true;
      } else {
        parts.pop_back();
      }
      continue;
    }
    parts.push_back(part);
  }

  MemberName out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out.name += '/';
    out.name += parts[i];
  }
  auto note = [&out](std::string_view what) {
    if (!out.changed.empty()) out.changed += ", ";
    out.changed += what;
  };
  if (drive) note("drive letter removed");
  if (absolute) note("leading '/' removed");
  if (escaped) note("'../' leaving the bundle removed");
  if (backslashes) note("'\\' read as '/'");
  return out;
}

bool is_capture_name(std::string_view name) {
  auto slash = name.rfind('/');
  std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  return base.size() > 4 && base.ends_with(".log");
}

}  // namespace st::bundle
