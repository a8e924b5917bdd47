#include "generate/capture_mess.h"

#include <iterator>

#include <fmt/format.h>

namespace st::generate {

void append_preamble(const Device& d, SimTime start, bool jump_host, Prng& rng, std::string& out) {
  const CivilTime c = civil(start);
  auto it = std::back_inserter(out);
  const auto style = rng.below(3);
  if (style == 0) {
    fmt::format_to(it, "=~=~=~=~=~=~=~=~=~=~=~= PuTTY log {:04}.{:02}.{:02} {:02}:{:02}:{:02} =~=~=~=~=~=~=~=~=~=~=~=\n",
                   c.year, c.month, c.day, c.hour, c.minute, c.second);
    out += "login as: netops\nPre-authentication banner message from server:\n"
           "| ****************************************************************\n"
           "| *  Authorized access only. All activity is logged and          *\n"
           "| *  monitored. Disconnect now if you are not an authorized user. *\n"
           "| ****************************************************************\n"
           "End of banner message from server\nKeyboard-interactive authentication prompts from server:\n"
           "| Password:\nEnd of keyboard-interactive prompts from server\n\n";
  } else if (style == 1 || jump_host) {
    fmt::format_to(it, "Last login: {} {} {:>2} {:02}:{:02}:{:02} {} from 10.10.99.25\n",
                   weekday_abbrev(c.weekday), month_abbrev(c.month), c.day, c.hour, c.minute, c.second, c.year);
    fmt::format_to(it, "\x1b[01;32mnetops@jump01\x1b[00m:\x1b[01;34m~\x1b[00m$ ssh netops@{}\n", d.mgmt_ip);
    fmt::format_to(it, "(netops@{}) Password: \n", d.mgmt_ip);
  }
  append_hop_banner(d, out);
  if (d.vendor == Vendor::FastIron) {
    fmt::format_to(it, "SSH@{}>enable\nPassword:\n", d.hostname);
  }
}

void append_hop_banner(const Device& d, std::string& out) {
  fmt::format_to(std::back_inserter(out), "\n{} | {} | {}\nContact: network operations, ext. 4410\n\n", d.hostname,
                 d.model, d.site);
}

std::string to_crlf(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 40);
  for (char ch : text) {
    if (ch == '\n') out += '\r';
    out += ch;
  }
  return out;
}

}  // namespace st::generate
