// The untidiness of real terminal logs that is not about one command: login preambles
// (PuTTY headers, banners, a Linux jump host with a colour prompt) and CRLF line endings.
#pragma once

#include <string>

#include "generate/device_model.h"
#include "generate/prng.h"

namespace st::generate {

// Text before the first prompt of `d`'s session, captured at `start`.
void append_preamble(const Device& d, SimTime start, bool jump_host, Prng& rng, std::string& out);

// The banner a device prints after an ssh hop from another device's session.
void append_hop_banner(const Device& d, std::string& out);

// Rewrites every "\n" as "\r\n".
std::string to_crlf(const std::string& text);

}  // namespace st::generate
