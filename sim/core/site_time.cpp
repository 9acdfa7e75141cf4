#include "sim/core/site_time.hpp"

#include <algorithm>
#include <cmath>

namespace kpsim::core {

SiteTime::SiteTime(const Calendar& cal, std::span<Restart> restarts, RampSpec ramp)
    : cal_(cal), restarts_(restarts), ramp_(ramp) {
  for (Restart& r : restarts_) {
    r.work_at = cal_.work_before(r.at);
    r.work_back = cal_.work_before(r.at + r.lag);
  }
}

// x: the calendar's working time. Restart k starts losing at a = W(E): all
// of [a, b) with b = W(E + L), then (1 − pace) over the ramp [b, b + R).
double SiteTime::lost(std::size_t k, double x) const {
  const Restart& r = restarts_[k];
  const double a = r.work_at;
  if (x <= a) return 0;
  const double b = r.work_back;
  if (x <= b) return x - a;
  const double R = ramp_.days, q = 1 - ramp_.from;
  if (R <= 0 || q <= 0) return b - a;
  const double y = std::min(x - b, R);
  return (b - a) + q * (y - y * y / (2 * R));
}

double SiteTime::work_before(double t) const {
  const double x = cal_.work_before(t);
  double lost_total = 0;
  for (std::size_t k = 0; k < restarts_.size(); ++k) lost_total += lost(k, x);
  return x - lost_total;
}

double SiteTime::end_at(double w) const {
  if (w <= 0) return 0;
  // Walk the restarts: before each, the site works at the calendar's pace;
  // in its lag nothing; in its ramp a pace rising from `from` to 1.
  double lost_before = 0;  // site time lost to the restarts already passed
  for (std::size_t k = 0; k < restarts_.size(); ++k) {
    const Restart& r = restarts_[k];
    const double a = r.work_at, b = r.work_back;
    if (w <= a - lost_before) return cal_.end_at(w + lost_before);  // before this restart
    const double at_b = a - lost_before;                            // site time at the end of the lag
    const double R = ramp_.days, q = 1 - ramp_.from;
    const double ramp_lost = R > 0 && q > 0 ? q * R / 2 : 0;
    const double ramp_gain = (R > 0 && q > 0 ? R : 0) - ramp_lost;  // site work done over the ramp
    if (w <= at_b + ramp_gain && ramp_gain > 0) {
      // Inside the ramp: site work by y calendar days in is from·y + q·y²/(2R).
      const double s = w - at_b, p = ramp_.from;
      const double y = (q * s) / R < 1e-12 ? s / p : (-p + std::sqrt(p * p + 2 * q * s / R)) / (q / R);
      return cal_.end_at(b + std::min(y, R));
    }
    lost_before += (b - a) + ramp_lost;
  }
  return cal_.end_at(w + lost_before);
}

double SiteTime::next_working(double t) const {
  double at = cal_.next_working(t);
  for (const Restart& r : restarts_)
    if (at >= r.at && at < r.at + r.lag) at = cal_.next_working(r.at + r.lag);
  return at;
}

}  // namespace kpsim::core
