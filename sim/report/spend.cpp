#include "sim/report/spend.hpp"

#include <algorithm>

namespace kpsim::report {

double add_spend(const core::Calendar& cal, double start, double finish, double amount, const Periods& periods,
                 std::vector<double>& per_month) {
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

}  // namespace kpsim::report
