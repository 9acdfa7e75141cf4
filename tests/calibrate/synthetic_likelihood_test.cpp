#include "sim/calibrate/synthetic_likelihood.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace kpsim {
namespace {

// Replications of one figure around `mean` (a fixed spread of ±sd).
Eigen::MatrixXd around(double mean, double sd, int reps) {
  Eigen::MatrixXd m(reps, 1);
  for (int r = 0; r < reps; ++r) m(r, 0) = mean + sd * (r % 2 ? 1.0 : -1.0);
  return m;
}

calibrate::ObservedFigures observed(double value, double extra_variance = 0) {
  calibrate::ObservedFigures o;
  o.value = Eigen::VectorXd::Constant(1, value);
  o.extra_variance = Eigen::VectorXd::Constant(1, extra_variance);
  o.binary = {false};
  return o;
}

TEST(SyntheticLikelihood, IsTheNormalDensityOfTheObservationAroundTheSimulatedMean) {
  const Eigen::MatrixXd sims = around(10, 2, 40);
  const double var = 4.0 * 40 / 39 * (1 + 1.0 / 40) + 1.0;  // sample variance, the mean's noise, the extra
  const double want = -0.5 * (std::pow(13 - 10, 2) / var + std::log(var) + std::log(2 * M_PI));
  EXPECT_NEAR(calibrate::log_synthetic_likelihood(sims, observed(13, 1.0)), want, 1e-9);
}

TEST(SyntheticLikelihood, PrefersThePointWhoseSimulationsAreNearTheObservation) {
  EXPECT_GT(calibrate::log_synthetic_likelihood(around(10, 2, 40), observed(10.5)),
            calibrate::log_synthetic_likelihood(around(14, 2, 40), observed(10.5)));
  // The discrepancy and the observation's precision widen it: a far point is less far.
  EXPECT_GT(calibrate::log_synthetic_likelihood(around(14, 2, 40), observed(10.5, 9)),
            calibrate::log_synthetic_likelihood(around(14, 2, 40), observed(10.5, 0)));
}

TEST(SyntheticLikelihood, AFigureEveryReplicationAgreesOnStillHasAScale) {
  const double ll = calibrate::log_synthetic_likelihood(around(5, 0, 20), observed(5));
  EXPECT_TRUE(std::isfinite(ll));
}

TEST(SyntheticLikelihood, AZeroOneFigureIsScoredAsABernoulli) {
  Eigen::MatrixXd sims(10, 1);
  for (int r = 0; r < 10; ++r) sims(r, 0) = r < 8 ? 1 : 0;  // started in 8 of 10 replications
  calibrate::ObservedFigures o = observed(1);
  o.binary = {true};
  o.binary_discrepancy = 0;
  EXPECT_NEAR(calibrate::log_synthetic_likelihood(sims, o), std::log(8.5 / 11), 1e-12);
  o.value[0] = 0;
  EXPECT_NEAR(calibrate::log_synthetic_likelihood(sims, o), std::log(2.5 / 11), 1e-12);
}

TEST(SyntheticLikelihood, CorrelatedFiguresCountOnce) {
  // Two figures that always move together carry the evidence of one: the
  // full covariance scores them nearly as one, the diagonal would double it.
  Eigen::MatrixXd sims(40, 2);
  for (int r = 0; r < 40; ++r) sims(r, 0) = sims(r, 1) = 10 + (r % 2 ? 2.0 : -2.0) + 0.01 * r;
  calibrate::ObservedFigures both;
  both.value = Eigen::Vector2d(14, 14);
  both.extra_variance = Eigen::Vector2d(0.01, 0.01);
  both.binary = {false, false};
  const double two = calibrate::log_synthetic_likelihood(sims, both);
  const double one = calibrate::log_synthetic_likelihood(sims.leftCols(1), observed(14, 0.01));
  EXPECT_GT(two, 2 * one);
}

TEST(SyntheticLikelihood, WithFewReplicationsCorrelatedFiguresStillCountNearlyOnce) {
  // Ten figures that move together, eight replications: the sample
  // covariance is singular, the diagonal would count the evidence ten
  // times; shrunk, the correlations stay and ten figures weigh far less.
  Eigen::MatrixXd sims(8, 10);
  for (int r = 0; r < 8; ++r)
    for (int j = 0; j < 10; ++j) sims(r, j) = 10 + (r % 2 ? 2.0 : -2.0) + 0.3 * ((r * 7 + j * 3) % 5);
  calibrate::ObservedFigures ten;
  ten.value = Eigen::VectorXd::Constant(10, 14);
  ten.extra_variance = Eigen::VectorXd::Constant(10, 0.01);
  ten.binary.assign(10, false);
  const double shrunk = calibrate::log_synthetic_likelihood(sims, ten);
  const double one = calibrate::log_synthetic_likelihood(sims.leftCols(1), observed(14, 0.01));
  EXPECT_TRUE(std::isfinite(shrunk));
  EXPECT_GT(shrunk, 5 * one) << shrunk << " vs one figure's " << one;
}

}  // namespace
}  // namespace kpsim
