// Message headers other vendors print, for the lines of a `show logging` buffer that carry no
// "%FAC-SEV-MNEMONIC" (syslog_relay_prefix.h reads what comes before them). Such lines reach
// our captures through syslog relays and collectors, and make up much of real log corpora:
//
//   %%01IFNET/4/IF_STATE(l)[4997]:text    Huawei VRP, H3C / 3Com Comware: "%%" and a version,
//                                         FAC/SEVERITY/MNEMONIC, a "(l)" log / "(t)" trap tag,
//                                         a sequence; found anywhere after the host words
//   MSTP/4/PFWD:OID 1.3.6... text         the same without "%%" (traps), at the body
//   [PHY]/5/PORT LINK STATUS CHANGE: text 3Com: a bracketed facility, blanks in the mnemonic
//   INTERFACE(6) Data: text               Alcatel-Lucent OmniSwitch: FACILITY(severity)
//   <Info:vlan.msgs.portLinkStateDown> t  Extreme EXOS: <Severity:component.event>
//   INFO: text   WARN(4) text             web-managed switches (D-Link, TP-Link): a level word
//
// Up to two host words may stand between the body and a header ("3Com Baseline Switch").
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace st::parse {

struct ForeignLogHeader {
  std::string_view facility;  // "IFNET", "PHY", "vlan"; "" for a bare level word
  std::optional<int> severity;
  std::string_view mnemonic;  // "IF_STATE", "PORT LINK STATUS CHANGE", "msgs.portLinkStateDown"
  std::size_t message = 0;    // where the text after the header starts in the line
};

// The header at or after `body` in `line`, or nullopt.
std::optional<ForeignLogHeader> read_foreign_log_header(std::string_view line, std::size_t body);

}  // namespace st::parse
