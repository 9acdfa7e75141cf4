#include "sim/core/sample.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace kpsim::core {
namespace {

std::vector<double> draws(const Distribution& d, int n) {
  RngStream rng(2026);
  std::vector<double> v(static_cast<std::size_t>(n));
  for (double& x : v) x = sample(d, rng);
  return v;
}

double mean_of(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

double sd_of(const std::vector<double>& v) {
  const double m = mean_of(v);
  double s = 0;
  for (double x : v) s += (x - m) * (x - m);
  return std::sqrt(s / static_cast<double>(v.size() - 1));
}

// Sample mean within 4 standard errors of the distribution's mean.
void expect_mean(const Distribution& d, int n = 200000) {
  const auto v = draws(d, n);
  EXPECT_NEAR(mean_of(v), mean(d), 4 * sd_of(v) / std::sqrt(n)) << kind_name(d.kind);
  EXPECT_GE(*std::min_element(v.begin(), v.end()), d.kind == DistKind::lognormal || d.kind == DistKind::exponential ? 0 : d.a);
}

TEST(Sample, EachDistributionHasItsMean) {
  expect_mean({DistKind::uniform, 10, 30, 0});
  expect_mean({DistKind::triangular, 5, 10, 30});
  expect_mean({DistKind::pert, 5, 10, 30});
  expect_mean({DistKind::pert, 10, 10, 40});  // mode at the minimum
  expect_mean({DistKind::lognormal, std::log(10.0), 0.5, 0});
  expect_mean({DistKind::exponential, 10, 0, 0});
  EXPECT_EQ(draws(Distribution::fixed(7), 3), (std::vector<double>{7, 7, 7}));
}

TEST(Sample, PertStaysInsideItsRange) {
  const auto v = draws({DistKind::pert, 5, 10, 30}, 50000);
  EXPECT_GE(*std::min_element(v.begin(), v.end()), 5.0);
  EXPECT_LE(*std::max_element(v.begin(), v.end()), 30.0);
}

TEST(Sample, LognormalByMedianAndP90HasThoseQuantiles) {
  const Distribution d{DistKind::lognormal, std::log(20.0), std::log(35.0 / 20.0) / 1.2815515655446004, 0};
  auto v = draws(d, 200000);
  std::sort(v.begin(), v.end());
  EXPECT_NEAR(v[100000], 20.0, 0.2);
  EXPECT_NEAR(v[180000], 35.0, 0.5);
}

TEST(Sample, NormalQuantileMatchesKnownValues) {
  EXPECT_NEAR(normal_quantile(0.5), 0.0, 1e-15);
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-14);
  EXPECT_NEAR(normal_quantile(0.9), 1.2815515655446004, 1e-14);
  EXPECT_NEAR(normal_quantile(1e-10), -6.361340902404056, 1e-12);
  for (double p : {1e-6, 0.01, 0.3, 0.7, 0.999}) EXPECT_NEAR(normal_cdf(normal_quantile(p)), p, 1e-14 + 1e-12 * p);
}

TEST(Sample, QuantileInvertsPert) {
  const Distribution d{DistKind::pert, 5, 10, 30};
  EXPECT_NEAR(quantile(d, 0.5), 11.9168065, 1e-6);  // Beta(1.8, 4.2) median on [5, 30], by quadrature
  EXPECT_LT(quantile(d, 0.1), quantile(d, 0.9));
}

TEST(Sample, ExponentialQuantileRisesWithU) {
  const Distribution d{DistKind::exponential, 10, 0, 0};
  EXPECT_NEAR(quantile(d, 0.5), 10 * std::log(2.0), 1e-12);
  EXPECT_NEAR(quantile(d, 0.9), 10 * std::log(10.0), 1e-12);
}

}  // namespace
}  // namespace kpsim::core
