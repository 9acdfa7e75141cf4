#include "sim/calibrate/synthetic_likelihood.hpp"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace kpsim::calibrate {
namespace {

// Beyond this many figures the shrinkage's cost (replications × figures²)
// is not worth it: many figures are a dispatch table's projects, nearly
// independent of each other, and only the diagonal is kept.
constexpr Eigen::Index kMaxShrunk = 64;

// Schäfer and Strimmer (Stat. Appl. Genet. Mol. Biol. 2005, target "D"):
// the correlations shrunk towards zero by the estimated share of their
// sampling noise, the variances kept.
void shrink_towards_diagonal(const Eigen::MatrixXd& centred, Eigen::MatrixXd& cov) {
  const Eigen::Index n = centred.rows(), d = centred.cols();
  const Eigen::VectorXd sd = cov.diagonal().cwiseSqrt();
  Eigen::MatrixXd z = centred;
  for (Eigen::Index j = 0; j < d; ++j) z.col(j) /= sd[j] > 0 ? sd[j] : 1.0;
  double noise = 0, signal = 0;
  for (Eigen::Index i = 0; i < d; ++i)
    for (Eigen::Index j = i + 1; j < d; ++j) {
      const Eigen::ArrayXd w = z.col(i).array() * z.col(j).array();
      const double mean = w.mean();
      const double nn = static_cast<double>(n);
      noise += nn / std::pow(nn - 1, 3) * (w - mean).square().sum();
      const double correlation = nn / (nn - 1) * mean;
      signal += correlation * correlation;
    }
  const double lambda = signal > 0 ? std::clamp(noise / signal, 0.0, 1.0) : 1.0;
  for (Eigen::Index i = 0; i < d; ++i)
    for (Eigen::Index j = 0; j < d; ++j)
      if (i != j) cov(i, j) *= 1 - lambda;
}

}  // namespace

double log_synthetic_likelihood(const Eigen::MatrixXd& sims, const ObservedFigures& obs) {
  const Eigen::Index reps = sims.rows();
  std::vector<Eigen::Index> gaussian;
  double ll = 0;
  for (Eigen::Index j = 0; j < sims.cols(); ++j) {
    if (!obs.binary[static_cast<std::size_t>(j)]) {
      gaussian.push_back(j);
      continue;
    }
    double ones = 0;
    for (Eigen::Index r = 0; r < reps; ++r) ones += sims(r, j) > 0.5;
    const double eps = obs.binary_discrepancy;
    const double p = (1 - eps) * (ones + 0.5) / (static_cast<double>(reps) + 1) + 0.5 * eps;
    ll += obs.value[j] > 0.5 ? std::log(p) : std::log1p(-p);
  }
  const auto d = static_cast<Eigen::Index>(gaussian.size());
  if (d == 0) return ll;
  // Replication values, a NaN replaced by its figure's mean over the others.
  Eigen::MatrixXd x(reps, d);
  Eigen::VectorXd residual(d);
  for (Eigen::Index k = 0; k < d; ++k) {
    const Eigen::Index j = gaussian[static_cast<std::size_t>(k)];
    double sum = 0;
    int n = 0;
    for (Eigen::Index r = 0; r < reps; ++r)
      if (std::isfinite(sims(r, j))) sum += sims(r, j), ++n;
    const double mean = n ? sum / n : 0.0;
    for (Eigen::Index r = 0; r < reps; ++r) x(r, k) = std::isfinite(sims(r, j)) ? sims(r, j) : mean;
    residual[k] = obs.value[j] - mean;
  }
  const Eigen::MatrixXd centred = x.rowwise() - x.colwise().mean();
  const double r = static_cast<double>(reps);
  Eigen::MatrixXd cov = (centred.transpose() * centred) / (r - 1);
  if (reps < 4 * d) {
    if (d <= kMaxShrunk) shrink_towards_diagonal(centred, cov);
    else cov = Eigen::MatrixXd(cov.diagonal().asDiagonal());
  }
  cov *= 1 + 1 / r;  // one realisation around a mean estimated from R
  for (Eigen::Index k = 0; k < d; ++k) {
    const double extra = obs.extra_variance[gaussian[static_cast<std::size_t>(k)]];
    // A floor so that a figure every replication agrees on still has a scale.
    cov(k, k) += extra + 1e-9 * (1 + residual[k] * residual[k]);
  }
  Eigen::LLT<Eigen::MatrixXd> llt(cov);
  if (llt.info() != Eigen::Success) {  // collinear figures: their diagonal only
    const Eigen::MatrixXd diagonal = cov.diagonal().asDiagonal();
    llt.compute(diagonal);
  }
  const Eigen::VectorXd solved = llt.matrixL().solve(residual);
  const double log_det = 2 * llt.matrixL().toDenseMatrix().diagonal().array().log().sum();
  return ll - 0.5 * (solved.squaredNorm() + log_det + static_cast<double>(d) * std::log(2 * std::numbers::pi));
}

}  // namespace kpsim::calibrate
