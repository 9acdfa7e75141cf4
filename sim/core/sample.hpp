// Sampling the duration distributions with our own algorithms, so that the
// same stream gives the same value with every standard library.
#pragma once

#include "sim/core/distribution.hpp"
#include "sim/core/rng.hpp"

namespace kpsim::core {

// Standard normal quantile (Wichura's AS 241, relative error ~1e-16).
double normal_quantile(double p);
double normal_cdf(double x);

double sample(const Distribution& d, RngStream& rng);
// The value at quantile u in (0, 1) for distributions with a closed-form or
// cheap inverse (fixed, uniform, triangular, lognormal); PERT inverts its
// Beta numerically. Used where draws are correlated through a copula.
double quantile(const Distribution& d, double u);

}  // namespace kpsim::core
