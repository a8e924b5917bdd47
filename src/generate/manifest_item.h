// One injected incident or change, as listed in OUT_DIR/manifest.json (see README.md).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace st::generate {

enum class ItemKind { Flap, AuthFail, ErrDisable, StpChange, PoeFault, PowerFault, InterfaceChanged, VlanMoved,
                      AuthConfigMissing,
                      // Run-to-run changes (change_planner.h), from a device's second capture on.
                      ErrDisableRecovered, OsUpgrade, VlanAdded, VlanRemoved, VlanRenamed, ClientReplaced, StpRootMoved,
                      NeighborReplaced, PdUnplugged, ModuleReplaced, ConfigLineChanged, StackMemberChanged, PsuFailed,
                      // A device missing from a run, and one captured for the first time after run 1.
                      NotCaptured, DeviceAdded,
                      // A standing fact: an access port without auth on a switch that authenticates others.
                      OpenAccessPort,
                      // Incident sequences the pattern library correlates (rules/patterns/).
                      PowerFailureSequence, StpStorm, StackFlapStorm, UpstreamOutage };
inline constexpr int kItemKindCount = 29;
// The incident planner cycles through the first eight kinds; AuthConfigMissing is a standing
// configuration gap listed for every run (src/generate/README.md).
inline constexpr int kIncidentKindCount = 8;
std::string_view item_kind_name(ItemKind k);  // "flap", "auth_fail", ...

struct ManifestItem {
  int run = 1;
  std::string device;  // hostname
  std::string vendor;  // "cisco", "arista", "fastiron"
  ItemKind kind = ItemKind::Flap;
  std::string object;  // canonical interface name ("Gi1/0/17", "Et6", "1/1/5") or "PS2"
  nlohmann::json details = nlohmann::json::object();
};

}  // namespace st::generate
