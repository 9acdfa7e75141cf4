#include "sim/calibrate/importance.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace kpsim {
namespace {

model::CalibrationParameter uniform(double a, double b, bool integer = false) {
  model::CalibrationParameter p;
  p.path = "x";
  p.prior = {model::PriorKind::uniform, a, b, a, b, {}};
  p.integer = integer;
  return p;
}

TEST(PriorSpace, DrawsStayInsideTheBoundsAndIntegersHaveEqualWidths) {
  model::CalibrationParameter p = uniform(0, 2, true);
  const calibrate::PriorSpace s(p);
  int count[3] = {0, 0, 0};
  for (int i = 0; i < 300; ++i) ++count[static_cast<int>(s.value(s.quantile((i + 0.5) / 300)))];
  EXPECT_EQ(count[0], 100);
  EXPECT_EQ(count[1], 100);
  EXPECT_EQ(count[2], 100);
  model::CalibrationParameter q;
  q.prior = {model::PriorKind::lognormal, 20, 0.5, 5, 60, {}};
  const calibrate::PriorSpace log(q);
  EXPECT_NEAR(log.value(log.quantile(0.5)), 20, 0.5);  // the median, little moved by the bounds
  EXPECT_GE(log.value(log.quantile(0.0)), 5);
  EXPECT_LE(log.value(log.quantile(1.0)), 60);
  EXPECT_EQ(log.log_density(std::log(70.0)), -INFINITY);
}

TEST(Importance, TheFirstWaveIsALatinHypercubeOfThePrior) {
  const std::vector<calibrate::PriorSpace> priors{calibrate::PriorSpace(uniform(0, 1)), calibrate::PriorSpace(uniform(10, 20))};
  const auto points = calibrate::Proposal().draw(10, priors, 3, 0);
  for (std::size_t d = 0; d < 2; ++d) {
    std::vector<int> strata(10, 0);
    for (const auto& z : points) ++strata[static_cast<std::size_t>((z[d] - priors[d].lo()) / (priors[d].hi() - priors[d].lo()) * 10)];
    for (int n : strata) EXPECT_EQ(n, 1);  // one point in each tenth of each dimension
  }
}

TEST(Importance, WeightsFollowTheLikelihoodUnderThePriorAndLaterWavesFocus) {
  const std::vector<calibrate::PriorSpace> priors{calibrate::PriorSpace(uniform(0, 10))};
  // The likelihood of a figure at 3 with sd 0.5.
  auto ll = [](double z) { return -0.5 * std::pow((z - 3) / 0.5, 2); };
  std::vector<calibrate::Particle> particles;
  std::vector<calibrate::Proposal> proposals{calibrate::Proposal()};
  for (const auto& z : proposals[0].draw(200, priors, 1, 0)) particles.push_back({z, ll(z[0])});
  std::vector<double> w = calibrate::amis_weights(particles, proposals, {200}, priors);
  EXPECT_NEAR(calibrate::weighted_quantile([&] {
    std::vector<std::pair<double, double>> v;
    for (std::size_t i = 0; i < particles.size(); ++i) v.emplace_back(particles[i].z[0], w[i]);
    return v;
  }(), 0.5), 3, 0.15);
  proposals.emplace_back(particles, w, priors, 200, 1, 1);
  const auto second = proposals[1].draw(200, priors, 1, 1);
  int near = 0;
  for (const auto& z : second) near += std::abs(z[0] - 3) < 1.5;
  EXPECT_GT(near, 180);  // the second wave is drawn where the posterior is
  for (const auto& z : second) particles.push_back({z, ll(z[0])});
  w = calibrate::amis_weights(particles, proposals, {200, 200}, priors);
  double mean = 0;
  for (std::size_t i = 0; i < particles.size(); ++i) mean += w[i] * particles[i].z[0];
  EXPECT_NEAR(mean, 3, 0.05);
  EXPECT_GT(calibrate::effective_sample_size(w), 150);
}

TEST(Importance, SystematicResamplingFollowsTheWeights) {
  const auto idx = calibrate::systematic_resample({0.5, 0.25, 0.25}, 8, 0.5);
  EXPECT_EQ(idx, (std::vector<std::size_t>{0, 0, 0, 0, 1, 1, 2, 2}));
}

}  // namespace
}  // namespace kpsim
