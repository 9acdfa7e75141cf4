// How well a parameter point explains the observations: Wood's synthetic
// likelihood (Nature 2010). The replications at the point give the mean and
// covariance of the simulated figures; the observed figures are scored
// under a normal with that mean and a covariance that adds the mean's own
// noise (1/R of it), the observations' precision and the model discrepancy.
// A 0/1 figure (a project started or not) is scored as a Bernoulli whose
// probability is the share of replications, kept off 0 and 1 by the
// discrepancy.
#pragma once

#include <Eigen/Core>
#include <vector>

namespace kpsim::calibrate {

struct ObservedFigures {
  Eigen::VectorXd value;
  Eigen::VectorXd extra_variance;  // precision² + discrepancy², per figure
  std::vector<bool> binary;
  double binary_discrepancy = 0.05;  // a 0/1 figure is wrong this often whatever the model says
};

// `sims`: replications × figures (NaN where a replication has no value).
// The sample covariance is used while there are at least four replications
// per figure; with fewer its correlations are shrunk towards zero
// (Schäfer–Strimmer), beyond 64 figures only its diagonal is kept.
double log_synthetic_likelihood(const Eigen::MatrixXd& sims, const ObservedFigures& observed);

}  // namespace kpsim::calibrate
