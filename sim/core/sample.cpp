#include "sim/core/sample.hpp"

#include <cmath>

namespace kpsim::core {
namespace {

// Marsaglia–Tsang for shape >= 1 (PERT's Beta shapes are always >= 1).
double gamma_sample(double shape, RngStream& rng) {
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    const double x = normal_quantile(rng.uniform());
    const double v0 = 1.0 + c * x;
    if (v0 <= 0) continue;
    const double v = v0 * v0 * v0;
    const double u = rng.uniform();
    // Their squeeze first: below it the test after it holds as well (with a
    // margin of a factor 2.4 at x near 0, where the computed test is noise
    // only for u within 1e-15 of 1), and it needs no logarithm. 92% of the
    // tries of PERT's shapes end here; in 2·10^8 tries it never accepted
    // one that the test would have refused.
    if (const double x2 = x * x; u < 1.0 - 0.0331 * x2 * x2) return d * v;
    if (std::log(u) < 0.5 * x * x + d - d * v + d * std::log(v)) return d * v;
  }
}

struct PertShape {
  double alpha, beta;
};

PertShape pert_shape(const Distribution& d) {
  const double range = d.c - d.a;
  return {1.0 + 4.0 * (d.b - d.a) / range, 1.0 + 4.0 * (d.c - d.b) / range};
}

// Continued fraction for the regularized incomplete beta (modified Lentz).
double beta_continued_fraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 300; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
    d = 1.0 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1.0) < 1e-15) break;
  }
  return h;
}

double beta_cdf(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const double front =
      std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_continued_fraction(a, b, x) / a;
  return 1.0 - front * beta_continued_fraction(b, a, 1.0 - x) / b;
}

}  // namespace

double normal_quantile(double p) {
  // Wichura, AS 241 (PPND16).
  const double q = p - 0.5;
  if (std::fabs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q *
           (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
                45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
             133.14166789178437745) * r + 3.387132872796366608) /
           (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
                21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
             42.313330701600911252) * r + 1.0);
  }
  double r = q < 0 ? p : 1.0 - p;
  r = std::sqrt(-std::log(r));
  double x;
  if (r <= 5.0) {
    r -= 1.6;
    x = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
             1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
          4.6303378461565452959) * r + 1.42343711074968357734) /
        (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
             0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
          2.05319162663775882187) * r + 1.0);
  } else {
    r -= 5.0;
    x = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
             0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
          5.4637849111641143699) * r + 6.6579046435011037772) /
        (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
             7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
          0.59983220655588793769) * r + 1.0);
  }
  return q < 0 ? -x : x;
}

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

double quantile(const Distribution& d, double u) {
  switch (d.kind) {
    case DistKind::fixed: return d.a;
    case DistKind::uniform: return d.a + (d.b - d.a) * u;
    case DistKind::triangular: {
      const double range = d.c - d.a;
      if (range <= 0) return d.a;
      const double fc = (d.b - d.a) / range;
      return u < fc ? d.a + std::sqrt(u * range * (d.b - d.a)) : d.c - std::sqrt((1.0 - u) * range * (d.c - d.b));
    }
    case DistKind::pert: {
      if (d.c <= d.a) return d.a;
      const PertShape s = pert_shape(d);
      double lo = 0, hi = 1;
      for (int i = 0; i < 60; ++i) {  // bisection: 2^-60 of the range
        const double mid = 0.5 * (lo + hi);
        (beta_cdf(s.alpha, s.beta, mid) < u ? lo : hi) = mid;
      }
      return d.a + (d.c - d.a) * 0.5 * (lo + hi);
    }
    case DistKind::lognormal: return std::exp(d.a + d.b * normal_quantile(u));
    // The engine's own draws take the ziggurat (sample.hpp), not this.
    case DistKind::exponential: return -d.a * std::log1p(-u);
  }
  return d.a;
}

double sample_by_quantile_or_gamma(const Distribution& d, RngStream& rng) {
  switch (d.kind) {
    case DistKind::pert: {
      if (d.c <= d.a) return d.a;
      const PertShape s = pert_shape(d);
      const double x = gamma_sample(s.alpha, rng);
      const double y = gamma_sample(s.beta, rng);
      return d.a + (d.c - d.a) * x / (x + y);
    }
    default: return quantile(d, rng.uniform());
  }
}

}  // namespace kpsim::core
