// Sampling the duration distributions with our own algorithms, so that the
// same stream gives the same value with every standard library.
#pragma once

#include <cmath>

#include "sim/core/distribution.hpp"
#include "sim/core/exponential.hpp"
#include "sim/core/rng.hpp"

namespace kpsim::core {

// Standard normal quantile (Wichura's AS 241, relative error ~1e-16).
double normal_quantile(double p);
double normal_cdf(double x);

// The kinds drawn from one uniform by a closed form are inline (the engine
// draws one at nearly every event); PERT's Gamma pair and the quantile
// functions with series are not. The same numbers either way.
double sample_by_quantile_or_gamma(const Distribution& d, RngStream& rng);
[[gnu::always_inline]] inline double sample(const Distribution& d, RngStream& rng) {
  switch (d.kind) {
    case DistKind::fixed: return d.a;
    // By the ziggurat (exponential.hpp): a log in 1.1% of the draws only.
    case DistKind::exponential: return d.a * standard_exponential(rng);
    case DistKind::uniform: return d.a + (d.b - d.a) * rng.uniform();
    default: return sample_by_quantile_or_gamma(d, rng);
  }
}
// The value at quantile u in (0, 1) for distributions with a closed-form or
// cheap inverse (fixed, uniform, triangular, lognormal); PERT inverts its
// Beta numerically. Used where draws are correlated through a copula.
double quantile(const Distribution& d, double u);

}  // namespace kpsim::core
