#include "model/auth_template.h"

#include "parse/line_cursor.h"

namespace st::model {
std::string_view classify_auth_template(std::string_view platform, std::string_view auth_commands) {
  bool dot1x = false, mab = false, enforced = false;
  parse::LineCursor cursor(auth_commands);
  parse::Line l;
  while (cursor.next(l)) {
    const std::string_view line = parse::trim(l.text);
    if (parse::starts_with_word(line, "no")) continue;
    if (platform == "ruckus_fastiron") {
      // FastIron: "dot1x port-control auto" (per port or from the authentication block) and
      // "mac-authentication enable"; "dot1x enable" alone only makes the port eligible.
      if (parse::starts_with_word(line, "dot1x port-control auto")) dot1x = enforced = true;
      else if (parse::starts_with_word(line, "mac-authentication enable")) mab = enforced = true;
    } else if (platform == "arista_eos") {
      if (parse::starts_with_word(line, "dot1x port-control auto")) dot1x = enforced = true;
      else if (parse::starts_with_word(line, "dot1x mac based authentication") || parse::starts_with_word(line, "mac based authentication")) mab = true;
    } else {
      // IOS / IOS-XE: port-control auto (legacy or session manager) enforces; the authenticator
      // role and `mab` say which methods run.
      if (parse::starts_with_word(line, "authentication port-control auto") || parse::starts_with_word(line, "access-session port-control auto") ||
          parse::starts_with_word(line, "dot1x port-control auto")) {
        enforced = true;
        if (parse::starts_with_word(line, "dot1x port-control auto")) dot1x = true;
      } else if (parse::starts_with_word(line, "dot1x pae authenticator")) {
        dot1x = true;
      } else if (parse::starts_with_word(line, "mab")) {
        mab = true;
      } else if (parse::starts_with_word(line, "service-policy type control subscriber")) {
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
      if (parse::starts_with_word(line, p)) return true;
    }
  }
  return false;
}

}  // namespace st::model
