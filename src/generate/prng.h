// Deterministic pseudo-random numbers for the capture generator: splitmix64 seeds a
// xoshiro256** stream. Unlike std::uniform_*_distribution, the output is the same on every
// standard library, so a seed names one exact set of captures.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace st::generate {

__extension__ using Uint128 = unsigned __int128;  // GCC/Clang; for the multiply-shift below

constexpr std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Mixes a seed with stream labels (device index, run number, purpose) into one seed, so
// each device and run draws from its own stream and adding a device changes no other.
constexpr std::uint64_t mix_seed(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
  std::uint64_t s = seed;
  std::uint64_t out = splitmix64(s);
  s = out ^ (a * 0xd6e8feb86659fd93ULL);
  out = splitmix64(s);
  s = out ^ (b * 0xa0761d6478bd642fULL);
  out = splitmix64(s);
  s = out ^ (c * 0xe7037ed1a0b428dbULL);
  return splitmix64(s);
}

class Prng {
 public:
  explicit constexpr Prng(std::uint64_t seed) {
    std::uint64_t s = seed;
    for (auto& word : s_) word = splitmix64(s);
  }

  constexpr std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n); n > 0. Lemire's multiply-shift (the tiny bias is irrelevant here).
  constexpr std::uint64_t below(std::uint64_t n) {
    return static_cast<std::uint64_t>((static_cast<Uint128>(next()) * n) >> 64);
  }
  // Uniform in [lo, hi].
  constexpr std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
  }
  // True with probability percent/100.
  constexpr bool percent(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }

  template <class T>
  constexpr const T& pick(std::span<const T> items) {
    return items[below(items.size())];
  }

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4]{};
};

}  // namespace st::generate
