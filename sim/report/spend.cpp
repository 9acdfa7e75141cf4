#include "sim/report/spend.hpp"

#include <algorithm>
#include <cmath>
#include <boost/math/special_functions/beta.hpp>

namespace kpsim::report {

namespace {

// I_u(a, b) for whole a, b: the binomial tail Σ_{j=a}^{n} C(n, j) u^j (1−u)^(n−j),
// n = a + b − 1, a polynomial (the S-curve beta(2, 2) is 3u² − 2u³).
double whole_beta(int a, int b, double u) {
  if (a == 2 && b == 2) return u * u * (3 - 2 * u);  // the S-curve: the common case
  const int n = a + b - 1;
  const double v = 1 - u;
  double term = 1;  // C(n, j) u^j v^(n−j), from j = n down
  for (int k = 0; k < n; ++k) term *= u;
  double sum = 0;
  for (int j = n; j >= a; --j) {
    sum += term;
    term *= v / u * static_cast<double>(j) / static_cast<double>(n - j + 1);
  }
  return sum;
}

bool whole(double x) { return x == std::floor(x) && x <= 20; }

// I_u(a, b) for whole a and any b > 0: 1 − (1−u)^b Σ_{j<a} (b)_j/j! u^j (from
// I_u(a, b) = 1 − I_{1−u}(b, a) and the finite sum for a whole second
// argument): one pow, where Boost's general ibeta costs a continued fraction.
// Calibrating a shape β(2, b) runs this for every month of every step.
double whole_a_beta(int a, double b, double u) {
  double sum = 0, coefficient = 1, power = 1;
  for (int j = 0; j < a; ++j) {
    sum += coefficient * power;
    coefficient *= (b + j) / (j + 1);
    power *= u;
  }
  return 1 - std::pow(1 - u, b) * sum;
}

}  // namespace

double spent_share(const model::SpendCurve& curve, double u) {
  if (u <= 0) return 0;
  if (u >= 1) return 1;
  if (curve.uniform()) return u;
  if (whole(curve.a) && whole(curve.b))
    return whole_beta(static_cast<int>(curve.a), static_cast<int>(curve.b), u);
  if (whole(curve.a)) return whole_a_beta(static_cast<int>(curve.a), curve.b, u);
  if (whole(curve.b)) return 1 - whole_a_beta(static_cast<int>(curve.b), curve.a, 1 - u);
  return boost::math::ibeta(curve.a, curve.b, u);
}

namespace {

// Working time of a span: its site's, or its calendar's.
struct WorkTime {
  const core::Calendar& cal;
  const core::SiteTime* site;
  double work_before(double t) const { return site ? site->work_before(t) : cal.work_before(t); }
};

// Uniform spend over [start, finish) as rate × working time.
double add_uniform(const WorkTime& cal, double start, double finish, double amount, const Periods& periods,
                   std::span<double> per_month) {
  if (amount == 0) return 0;
  const double w0 = cal.work_before(start), w1 = cal.work_before(finish);
  const double work = w1 - w0;
  if (work <= 0) {
    const std::int64_t m = periods.month_at(finish);
    if (m < 0) return 0;
    per_month[static_cast<std::size_t>(m)] += amount;
    return amount;
  }
  const double rate = amount / work;
  double inside = 0;
  const std::int64_t first = periods.month_at(start);
  if (first < 0 && start >= periods.horizon_days) return 0;
  for (auto m = static_cast<std::size_t>(std::max<std::int64_t>(first, 0)); m < periods.months.size(); ++m) {
    const Period& pm = periods.months[m];
    if (pm.begin >= finish) break;
    const double a = std::max(w0, cal.work_before(pm.begin));
    const double b = std::min(w1, cal.work_before(pm.end));
    if (b > a) {
      per_month[m] += rate * (b - a);
      inside += rate * (b - a);
    }
  }
  return inside;
}

}  // namespace

double add_spend(const SpendSpan& span, const Periods& periods, std::span<double> per_month, double from) {
  const WorkTime cal{*span.calendar, span.site};
  if (span.amount == 0 || span.finish <= from) return 0;
  if (span.curve.uniform()) {
    if (span.start >= from) return add_uniform(cal, span.start, span.finish, span.amount, periods, per_month);
    const double work = cal.work_before(span.finish) - cal.work_before(span.start);
    const double share = work > 0 ? (cal.work_before(span.finish) - cal.work_before(from)) / work : 1.0;
    return add_uniform(cal, from, span.finish, span.amount * share, periods, per_month);
  }
  const double start = std::max(span.start, from);
  const double w0 = cal.work_before(span.start), w1 = cal.work_before(span.finish);
  const double work = w1 - w0;
  if (work <= 0) {
    const std::int64_t m = periods.month_at(span.finish);
    if (m < 0) return 0;
    per_month[static_cast<std::size_t>(m)] += span.amount;
    return span.amount;
  }
  auto spent_by = [&](double w) { return span.amount * spent_share(span.curve, (w - w0) / work); };
  const double from_work = cal.work_before(start);
  double inside = 0;
  const std::int64_t first = periods.month_at(start);
  if (first < 0 && start >= periods.horizon_days) return 0;
  for (auto m = static_cast<std::size_t>(std::max<std::int64_t>(first, 0)); m < periods.months.size(); ++m) {
    const Period& pm = periods.months[m];
    if (pm.begin >= span.finish) break;
    const double a = std::max(from_work, cal.work_before(pm.begin));
    const double b = std::min(w1, cal.work_before(pm.end));
    if (b > a) {
      const double x = spent_by(b) - spent_by(a);
      per_month[m] += x;
      inside += x;
    }
  }
  return inside;
}

}  // namespace kpsim::report
