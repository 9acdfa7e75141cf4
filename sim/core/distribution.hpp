// Duration distributions in working days. Sampling lives with the engine's
// random streams; here are the parameters and their deterministic value.
#pragma once

#include <cstdint>
#include <string_view>

namespace kpsim::core {

// No duration may exceed this many working days (100 years): calendar
// arithmetic stays in range, and no real approval or construction takes longer.
inline constexpr double kMaxDurationDays = 36'500;

enum class DistKind : std::uint8_t { fixed, uniform, triangular, pert, lognormal, exponential };

// fixed: a.  uniform: [a, b].  triangular, pert: min a, mode b, max c.
// lognormal: log-scale mu = a, sigma = b (readers also accept median/P90
// and mean/sd and convert).  exponential: mean a.
struct Distribution {
  DistKind kind = DistKind::fixed;
  double a = 0, b = 0, c = 0;

  static Distribution fixed(double v) { return {DistKind::fixed, v, 0, 0}; }
};

// The value a deterministic (CPM) schedule uses: the fixed value, or the mode
// (most likely value) — except uniform, which has none and uses its
// midpoint, and exponential, whose mode 0 says nothing and uses its mean.
double deterministic_value(const Distribution& d);
double mean(const Distribution& d);
// The distribution of k·X: drawn from the same random numbers, a scaled
// distribution gives exactly k times the draw (common random numbers).
Distribution scaled(const Distribution& d, double k);
std::string_view kind_name(DistKind k);

}  // namespace kpsim::core
