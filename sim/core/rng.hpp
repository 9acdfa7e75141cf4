// Counter-based random streams. A stream is keyed by what it is for — (seed,
// replication, project, step, purpose) — so a draw never depends on the
// order in which the engine asks, on the thread that runs the replication,
// or on which other projects a scenario has: common random numbers for free.
#pragma once

#include <cstdint>
#include <string_view>

namespace kpsim::core {

inline constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ull;

// splitmix64's output function: a bijective 64-bit mixer.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// A stable 64-bit hash of a name (FNV-1a, then mixed), for keying streams by
// project and step ids rather than by their position in a scenario.
constexpr std::uint64_t hash_name(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  return mix64(h);
}

// What a draw is for; part of the stream key.
enum class Purpose : std::uint32_t { duration = 1, risk = 2, arrival = 3, calendar = 4, land = 5, copula = 6, phase = 7, effort = 8, restart = 9, calibration = 10 };

class RngStream {
 public:
  // The i-th output (0-based) is mix64(key + (i + 1) * golden): exactly the
  // sequential splitmix64 generator started at `key`.
  explicit constexpr RngStream(std::uint64_t key) : state_(key) {}

  static constexpr RngStream keyed(std::uint64_t seed, std::uint64_t replication, std::uint64_t a, std::uint64_t b,
                                   Purpose purpose) {
    return keyed(replication_key(seed, replication), a, b, purpose);
  }
  // The same stream from the (seed, replication) part of its key, mixed once
  // per replication by a caller that draws many (the engine): two mixes
  // fewer per stream, the same numbers.
  static constexpr std::uint64_t replication_key(std::uint64_t seed, std::uint64_t replication) {
    return mix64(mix64(seed ^ 0x6b70736d00000001ull) + replication);
  }
  static constexpr RngStream keyed(std::uint64_t replication_key, std::uint64_t a, std::uint64_t b, Purpose purpose) {
    return keyed_from(first_key(replication_key, a), b, purpose);
  }
  // The same stream in two parts, for a caller that draws many streams of
  // one `a` (the engine: a project's steps): the first mixed once.
  static constexpr std::uint64_t first_key(std::uint64_t replication_key, std::uint64_t a) { return mix64(replication_key ^ a); }
  static constexpr RngStream keyed_from(std::uint64_t first_key, std::uint64_t b, Purpose purpose) {
    return RngStream(mix64(mix64(first_key + b) ^ static_cast<std::uint64_t>(purpose)));
  }

  constexpr std::uint64_t next_u64() { return mix64(state_ += kGolden); }
  // Uniform in (0, 1), never 0 or 1: ((x >> 12) + 0.5) · 2^-52, exact in binary64.
  constexpr double uniform() { return (static_cast<double>(next_u64() >> 12) + 0.5) * 0x1.0p-52; }

 private:
  std::uint64_t state_;
};

}  // namespace kpsim::core
