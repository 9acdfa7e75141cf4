// A parameter's prior in the space the sampler works in: the log of the
// value for loguniform and lognormal priors, the value itself otherwise. In
// that space every prior is uniform or a normal, truncated to the bounds, so
// drawing, densities and the proposal kernels need only the normal's
// distribution function (Boost.Math).
#pragma once

#include <string>

#include "sim/model/calibration_spec.hpp"

namespace kpsim::calibrate {

class PriorSpace {
 public:
  explicit PriorSpace(const model::CalibrationParameter& p);

  double lo() const { return lo_; }  // the bounds, in sampler space
  double hi() const { return hi_; }
  // The value the scenario gets for a point z (rounded for an integer parameter).
  double value(double z) const;
  // A point in sampler space for the u-th quantile of the prior.
  double quantile(double u) const;
  double log_density(double z) const;
  // As the outputs describe it: "uniform [0.8, 2]", "lognormal (median 20, sdlog 0.5) on [5, 60]".
  std::string describe() const;
  bool integer() const { return integer_; }

 private:
  model::PriorKind kind_;
  bool log_ = false, normal_ = false, integer_ = false;
  double m_ = 0, s_ = 1;      // the normal, in sampler space
  double lo_ = 0, hi_ = 1;    // bounds, in sampler space
  double cdf_lo_ = 0, mass_ = 1;  // the normal's CDF at lo, and its mass inside the bounds
  double value_lo_ = 0, value_hi_ = 1;  // the integer values at the ends
  model::Prior prior_;
};

// The normal distribution's CDF and quantile, for the kernels.
double normal_cdf(double x);
double normal_quantile(double u);

}  // namespace kpsim::calibrate
