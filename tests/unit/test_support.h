// Shared helpers for the core unit tests: temporary folders and realistic captures.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>

namespace st::test {

// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("statetrace-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A small but realistic IOS-XE capture of one access switch.
inline std::string access_switch_capture(std::string_view host = "NYC-B2-ACC-07") {
  std::string h(host);
  return "Last login: Fri Nov 20 09:14:01 2026 from 10.20.0.9\n" +
         h + "#terminal length 0\n" +
         h + "#show clock\n"
         "*09:14:07.532 UTC Fri Nov 20 2026\n" +
         h + "#show version\n"
         "Cisco IOS XE Software, Version 17.09.04a\n"
         "Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4a, RELEASE SOFTWARE (fc3)\n"
         "ROM: IOS-XE ROMMON\n"
         "BOOTLDR: System Bootstrap, Version 17.8.1r[FC1], RELEASE SOFTWARE (P)\n"
         "\n" +
         h + " uptime is 3 weeks, 2 days, 4 hours, 11 minutes\n"
         "Uptime for this control processor is 3 weeks, 2 days, 4 hours, 13 minutes\n"
         "System returned to ROM by Reload Command\n"
         "System image file is \"flash:packages.conf\"\n"
         "Last reload reason: Reload Command\n"
         "\n"
         "cisco C9300-48P (X86) processor with 1338934K/6147K bytes of memory.\n"
         "Processor board ID FOC2248X0TQ\n"
         "2048K bytes of non-volatile configuration memory.\n"
         "\n"
         "Configuration register is 0x102\n"
         "\n" +
         h + "#show interfaces status\n"
         "\n"
         "Port         Name               Status       Vlan       Duplex  Speed Type\n"
         "Gi1/0/1      Printer 2nd floor  connected    20         a-full a-1000 10/100/1000BaseTX\n"
         "Gi1/0/2                         notconnect   20           auto   auto 10/100/1000BaseTX\n"
         "Gi1/0/3      AP-2F-EAST         err-disabled 30           auto   auto 10/100/1000BaseTX\n"
         "Te1/1/1      uplink to DST-01   connected    trunk        full    10G SFP-10GBase-SR\n"
         "Po1          uplink             connected    trunk      a-full a-10G N/A\n" +
         h + "#show logging\n"
         "Syslog logging: enabled (0 messages dropped, 0 messages rate-limited, 0 flushes, 0 overruns, xml disabled, filtering disabled)\n"
         "\n"
         "Log Buffer (102400 bytes):\n"
         "\n"
         "001231: Nov 20 08:51:12.345 UTC: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/3, changed state to down\n"
         "001232: Nov 20 08:51:13.346 UTC: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet1/0/3, changed state to down\n"
         "001233: Nov 20 08:52:40.010 UTC: %PM-4-ERR_DISABLE: bpduguard error detected on Gi1/0/3, putting Gi1/0/3 in err-disable state\n" +
         h + "#show vlan brief\n"
         "\n"
         "VLAN Name                             Status    Ports\n"
         "---- -------------------------------- --------- -------------------------------\n"
         "1    default                          active    \n"
         "20   USERS                            active    Gi1/0/1, Gi1/0/2\n" +
         h + "#exit\n";
}

// Runs a shell command line and returns its exit status (as the shell reports it).
inline int run_shell(const std::string& command) {
  int status = std::system(command.c_str());
  if (status == -1) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

#ifdef STATETRACE_CLI_PATH
struct CliRun {
  int status;
  std::string out;
  std::string err;
};

// Runs statetrace-cli with `args` on the store `store` in `dir` (`env`: "NAME=value ..."
// put before it), capturing its exit status, stdout and stderr.
inline CliRun run_cli(const TempDir& dir, const std::string& args, const std::string& store = "store.sqlite",
                      const std::string& env = {}) {
  const auto out = dir / "stdout.txt";
  const auto err = dir / "stderr.txt";
  const std::string command = env + " '" STATETRACE_CLI_PATH "' " + args + " --store '" + (dir / store).string() +
                              "' >'" + out.string() + "' 2>'" + err.string() + "'";
  const int status = run_shell(command);
  return {status, read_file(out), read_file(err)};
}
#endif

}  // namespace st::test
