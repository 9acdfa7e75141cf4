#include "sim/core/exponential.hpp"

#include <cmath>

namespace kpsim::core {
namespace {

// The right edge of the last layer and the common area of the layers
// (Marsaglia and Tsang's r and v for 256 layers of e^-x).
constexpr double kTailStart = 7.69711747013104972;
constexpr double kLayerArea = 0.0039496598225815571993;
constexpr double kTwo53 = 9007199254740992.0;

// Layer i spans [0, x_i] under the curve, x_255 = r, each of area v; the
// base layer (0) is the rectangle of height e^-r and the tail beyond r,
// drawn as a rectangle of width v / e^-r.
ZigguratTables make_tables() {
  ZigguratTables z{};
  double x = kTailStart;
  const double base_width = kLayerArea / std::exp(-x);
  z.below[0] = static_cast<std::uint64_t>(x / base_width * kTwo53);
  z.width[0] = base_width / kTwo53;
  z.height[0] = 1;
  z.width[255] = x / kTwo53;
  z.height[255] = std::exp(-x);
  for (int i = 254; i >= 1; --i) {
    const double inner = -std::log(kLayerArea / x + std::exp(-x));
    z.below[static_cast<std::size_t>(i) + 1] = static_cast<std::uint64_t>(inner / x * kTwo53);
    x = inner;
    z.height[static_cast<std::size_t>(i)] = std::exp(-x);
    z.width[static_cast<std::size_t>(i)] = x / kTwo53;
  }
  z.below[1] = 0;  // the top layer is all wedge
  return z;
}

}  // namespace

const ZigguratTables kExponentialZiggurat = make_tables();

double exponential_outside(RngStream& rng, unsigned layer, double x) {
  if (layer == 0) return kTailStart - std::log(rng.uniform());  // memoryless: the tail is r plus an exponential
  const ZigguratTables& z = kExponentialZiggurat;
  if (z.height[layer] + rng.uniform() * (z.height[layer - 1] - z.height[layer]) < std::exp(-x)) return x;
  return standard_exponential(rng);  // outside the curve: a fresh try (1.1% of the time, so rarely deep)
}

}  // namespace kpsim::core
