#include "model/auth_template.h"

#include "parse/line_cursor.h"

namespace st::model {
namespace {

bool line_is(std::string_view line, std::string_view command) {
  return parse::istarts_with(line, command) && (line.size() == command.size() || parse::is_space(line[command.size()]));
}

}  // namespace

std::string_view classify_auth_template(std::string_view platform, std::string_view auth_commands) {
  bool dot1x = false, mab = false, enforced = false;
  parse::LineCursor cursor(auth_commands);
  parse::Line l;
  while (cursor.next(l)) {
    const std::string_view line = parse::trim(l.text);
    if (line_is(line, "no")) continue;
    if (platform == "ruckus_fastiron") {
      // FastIron: "dot1x port-control auto" (per port or from the authentication block) and
      // "mac-authentication enable"; "dot1x enable" alone only makes the port eligible.
      if (line_is(line, "dot1x port-control auto")) dot1x = enforced = true;
      else if (line_is(line, "mac-authentication enable")) mab = enforced = true;
    } else if (platform == "arista_eos") {
      if (line_is(line, "dot1x port-control auto")) dot1x = enforced = true;
      else if (line_is(line, "dot1x mac based authentication") || line_is(line, "mac based authentication")) mab = true;
    } else {
      // IOS / IOS-XE: port-control auto (legacy or session manager) enforces; the authenticator
      // role and `mab` say which methods run.
      if (line_is(line, "authentication port-control auto") || line_is(line, "access-session port-control auto") ||
          line_is(line, "dot1x port-control auto")) {
        enforced = true;
        if (line_is(line, "dot1x port-control auto")) dot1x = true;
      } else if (line_is(line, "dot1x pae authenticator")) {
        dot1x = true;
      } else if (line_is(line, "mab")) {
        mab = true;
      } else if (line_is(line, "service-policy type control subscriber")) {
        enforced = true;
      }
    }
  }
  if (!enforced && platform != "arista_eos") return "open";
  if (dot1x && mab) return "flexible";
  if (dot1x) return "dot1x";
  if (mab) return "macauth";
  return "open";
}

bool enables_port_auth(const std::vector<std::string>& auth_globals) {
  for (const auto& line : auth_globals) {
    for (std::string_view p : {"dot1x", "authentication", "access-session", "mac-authentication", "dot1x-enable"}) {
      if (line_is(line, p)) return true;
    }
  }
  return false;
}

}  // namespace st::model
