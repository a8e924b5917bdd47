// Builds the simulated fleet from a seed: hostnames SITE-ZONE-ROLE-NN over a few sites,
// mostly Cisco access switches (C9300 stacks, C2960X) and a C9500 core, some Arista EOS
// leaves and Ruckus/Brocade FastIron ICX access switches, each with ports, VLANs and clients.
#pragma once

#include <cstdint>
#include <vector>

#include "generate/device_model.h"

namespace st::generate {

// Device i's vendor depends only on i (so every fleet of 3 or more holds all three vendors):
// i % 10 == 1 Arista, i % 10 == 2 FastIron, else Cisco (i % 10 == 5 a core switch).
std::vector<Device> build_fleet(std::uint64_t seed, int count, SimTime first_capture);

}  // namespace st::generate
