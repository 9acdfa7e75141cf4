#include "sim/calibrate/prior_space.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <sstream>

namespace kpsim::calibrate {
namespace {

const boost::math::normal kStandard(0.0, 1.0);
constexpr double kLogSqrt2Pi = 0.91893853320467274178;

std::string number(double x) {
  std::ostringstream s;
  s << x;
  return s.str();
}

}  // namespace

double normal_cdf(double x) {
  if (x < -38) return 0;
  if (x > 38) return 1;
  return boost::math::cdf(kStandard, x);
}

double normal_quantile(double u) { return boost::math::quantile(kStandard, std::clamp(u, 1e-300, 1 - 1e-16)); }

PriorSpace::PriorSpace(const model::CalibrationParameter& p) : kind_(p.prior.kind), integer_(p.integer), prior_(p.prior) {
  log_ = kind_ == model::PriorKind::loguniform || kind_ == model::PriorKind::lognormal;
  normal_ = kind_ == model::PriorKind::normal || kind_ == model::PriorKind::lognormal;
  double lo = p.prior.lo, hi = p.prior.hi;
  value_lo_ = lo, value_hi_ = hi;
  if (integer_) {
    // Integers 2 … 5 from a uniform [2, 5]: each value has the width of one.
    value_lo_ = std::ceil(lo), value_hi_ = std::floor(hi);
    if (!normal_) lo = std::max(value_lo_ - 0.5, log_ ? lo * 0.5 : -INFINITY), hi = value_hi_ + 0.5;
  }
  auto to_space = [&](double x) { return log_ ? std::log(std::max(x, 1e-300)) : x; };
  lo_ = to_space(lo);
  hi_ = to_space(hi);
  if (normal_) {
    m_ = log_ ? std::log(p.prior.a) : p.prior.a;
    s_ = p.prior.b;
    cdf_lo_ = normal_cdf((lo_ - m_) / s_);
    mass_ = normal_cdf((hi_ - m_) / s_) - cdf_lo_;
  }
}

double PriorSpace::value(double z) const {
  double x = log_ ? std::exp(z) : z;
  if (integer_) x = std::round(x);
  // Inside the bounds as written (exp(log 5) may come out a hair below 5),
  // and never −0.
  return std::clamp(x, value_lo_, value_hi_) + 0.0;
}

double PriorSpace::quantile(double u) const {
  if (!normal_) return lo_ + u * (hi_ - lo_);
  if (mass_ <= 0) return 0.5 * (lo_ + hi_);  // bounds far in a tail: their middle
  return std::clamp(m_ + s_ * normal_quantile(cdf_lo_ + u * mass_), lo_, hi_);
}

double PriorSpace::log_density(double z) const {
  if (!(z >= lo_ && z <= hi_)) return -INFINITY;
  if (!normal_) return -std::log(hi_ - lo_);
  const double t = (z - m_) / s_;
  return -0.5 * t * t - kLogSqrt2Pi - std::log(s_) - std::log(std::max(mass_, 1e-300));
}

std::string PriorSpace::describe() const {
  const model::Prior& p = prior_;
  std::string s;
  switch (p.kind) {
    case model::PriorKind::uniform: s = "uniform [" + number(p.a) + ", " + number(p.b) + "]"; break;
    case model::PriorKind::loguniform: s = "loguniform [" + number(p.a) + ", " + number(p.b) + "]"; break;
    case model::PriorKind::normal:
      s = "normal (mean " + number(p.a) + ", sd " + number(p.b) + ") on [" + number(p.lo) + ", " + number(p.hi) + "]";
      break;
    case model::PriorKind::lognormal:
      s = "lognormal (median " + number(p.a) + ", sdlog " + number(p.b) + ") on [" + number(p.lo) + ", " + number(p.hi) + "]";
      break;
  }
  return integer_ ? s + ", integer" : s;
}

}  // namespace kpsim::calibrate
