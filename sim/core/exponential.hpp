// The standard exponential by Marsaglia and Tsang's ziggurat ("The
// Ziggurat Method for Generating Random Variables", J. Stat. Software 5(8),
// 2000), in the 64-bit form NumPy uses: 256 layers of equal area under
// e^-x. 98.9% of the draws take one 64-bit output, a table look-up, a
// multiplication and a comparison; the rest test the layer's wedge with
// e^-x, or draw from the tail beyond the last layer. Exact: the draws are
// exponential, not an approximation of it, and from one stream only.
#pragma once

#include <array>
#include <cstdint>

#include "sim/core/rng.hpp"

namespace kpsim::core {

struct ZigguratTables {
  std::array<std::uint64_t, 256> below;  // a draw under it lies inside the layer's rectangle, under the curve
  std::array<double, 256> width;         // the layer's right edge, per unit of a 53-bit draw
  std::array<double, 256> height;        // e^-x at the layer's right edge
};
extern const ZigguratTables kExponentialZiggurat;

// A draw that fell outside the rectangles (1.1%): the tail or a wedge.
double exponential_outside(RngStream& rng, unsigned layer, double x);

inline double standard_exponential(RngStream& rng) {
  const std::uint64_t bits = rng.next_u64() >> 3;
  const unsigned layer = bits & 0xff;
  const std::uint64_t position = bits >> 8;  // 53 bits
  const double x = static_cast<double>(position) * kExponentialZiggurat.width[layer];
  if (position < kExponentialZiggurat.below[layer]) [[likely]] return x;
  return exponential_outside(rng, layer, x);
}

}  // namespace kpsim::core
