// One syslog message in vendor-neutral form; each vendor profile formats it in its own words.
#pragma once

#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "generate/sim_time.h"

namespace st::generate {

enum class LogKind : std::uint8_t {
  LinkDown, LinkUp, LineProtoDown, LineProtoUp, AdminDown,
  Dot1xFail, MabFail, AuthSuccess,
  BpduGuard, PsecureViolation, ErrDisable,
  StpRootChange, StpTopologyChange,
  PoeDetect, PoeGranted, PoeFault, PoeDisconnect,
  PsuFail,
  ConfigChanged, LoginSuccess, Logout, NtpSync,
};

struct LogEvent {
  SimTime time;
  LogKind kind = LogKind::ConfigChanged;
  int port = -1;          // index into Device::ports, -1 when none
  int aux = 0;            // vlan for STP, PSU number (Cisco: + 10 per stack member after the first), errdisable cause (0 bpduguard, 1 psecure)
  std::uint32_t client = 0;  // client MAC low bits / session id seed
};

// The MAC address of a simulated client, from LogEvent::client.
inline std::string client_mac(std::uint32_t client) {
  return fmt::format("d4be.{:04x}.{:04x}", (client >> 16) & 0xffff, client & 0xffff);
}

}  // namespace st::generate
