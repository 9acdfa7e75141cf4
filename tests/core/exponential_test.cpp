// The ziggurat's exponential: its tables are Marsaglia and Tsang's layers
// of equal area, and its draws have the exponential's distribution, tail
// and wedges included.
#include "sim/core/exponential.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/core/sample.hpp"

namespace kpsim::core {
namespace {

constexpr double kTwo53 = 9007199254740992.0;
constexpr double kArea = 0.0039496598225815571993;
constexpr double kTail = 7.69711747013104972;

double right_edge(unsigned layer) { return kExponentialZiggurat.width[layer] * kTwo53; }

TEST(Exponential, TheLayersHaveEqualAreas) {
  const ZigguratTables& z = kExponentialZiggurat;
  EXPECT_NEAR((kTail + 1) * std::exp(-kTail), kArea, 1e-12);  // the base: a rectangle and the tail beyond r
  EXPECT_DOUBLE_EQ(right_edge(255), kTail);
  for (unsigned i = 1; i < 256; ++i) {
    EXPECT_NEAR(right_edge(i) * (z.height[i - 1] - z.height[i]), kArea, 1e-12) << i;
    EXPECT_DOUBLE_EQ(z.height[i], std::exp(-right_edge(i))) << i;
    if (i > 1) {
      EXPECT_LT(right_edge(i - 1), right_edge(i)) << i;
    }
  }
  EXPECT_LT(right_edge(1), 0.3);  // the top layer is narrow: (x1 · (1 − e^-x1) = v)
  EXPECT_EQ(z.below[1], 0u);
}

std::vector<double> standard_draws(std::size_t n) {
  RngStream rng(2026);
  std::vector<double> v(n);
  for (double& x : v) x = standard_exponential(rng);
  return v;
}

TEST(Exponential, DrawsHaveTheExponentialDistribution) {
  constexpr std::size_t n = 4'000'000;
  std::vector<double> v = standard_draws(n);
  double sum = 0, squares = 0;
  for (double x : v) sum += x, squares += x * x;
  const double mean = sum / n, variance = squares / n - mean * mean;
  EXPECT_NEAR(mean, 1.0, 4 / std::sqrt(double(n)));
  EXPECT_NEAR(variance, 1.0, 4 * std::sqrt(8.0 / n));  // Var(X²) = 20, so the variance's SE is about √(8/n)
  // Fine bins (a wedge or a layer wrong by a little shows here): chi-square
  // with 200 bins of 0.04 on [0, 8) and one beyond.
  std::vector<double> count(201, 0.0);
  for (double x : v) count[std::min<std::size_t>(200, static_cast<std::size_t>(x / 0.04))] += 1;
  double chi2 = 0;
  for (std::size_t b = 0; b <= 200; ++b) {
    const double lo = 0.04 * b, p = b < 200 ? std::exp(-lo) - std::exp(-(lo + 0.04)) : std::exp(-lo);
    chi2 += (count[b] - n * p) * (count[b] - n * p) / (n * p);
  }
  EXPECT_LT(chi2, 200 + 5 * 20.0);  // 200 degrees of freedom: mean 200, sd 20
  // Kolmogorov–Smirnov against 1 − e^-x.
  std::sort(v.begin(), v.end());
  double d = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double f = 1 - std::exp(-v[i]);
    d = std::max({d, f - double(i) / n, double(i + 1) / n - f});
  }
  EXPECT_LT(d * std::sqrt(double(n)), 1.95);  // the 0.1% point
}

TEST(Exponential, TheTailBeyondTheLastLayerIsExponential) {
  constexpr std::size_t n = 8'000'000;
  const std::vector<double> v = standard_draws(n);
  double beyond = 0, excess = 0;
  for (double x : v)
    if (x > kTail) beyond += 1, excess += x - kTail;
  const double expected = n * std::exp(-kTail);  // about 3,600
  EXPECT_NEAR(beyond, expected, 4 * std::sqrt(expected));
  EXPECT_NEAR(excess / beyond, 1.0, 4 / std::sqrt(beyond));  // memoryless
}

TEST(Exponential, AMeanScalesTheStandardDraw) {
  RngStream a(12345), b(12345);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(sample({DistKind::exponential, 10.0, 0, 0}, a), 10.0 * standard_exponential(b));
}

}  // namespace
}  // namespace kpsim::core
