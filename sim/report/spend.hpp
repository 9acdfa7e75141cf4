// Completed investment as the exact integral of spend over periods: by
// progress u (the share of a task's working time elapsed) the task has spent
// amount × F(u), F its spend curve, so the amount in a period is the
// difference of F at the period's ends — evaluated in closed form, no day
// ticking.
#pragma once

#include <limits>
#include <span>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/site_time.hpp"
#include "sim/model/scenario.hpp"
#include "sim/report/periods.hpp"

namespace kpsim::report {

// F(u) for u in [0, 1]: u for the uniform curve, else the regularised
// incomplete beta function I_u(a, b) (Boost.Math).
double spent_share(const model::SpendCurve& curve, double u);

struct SpendSpan {
  const core::Calendar* calendar = nullptr;
  double start = 0, finish = 0;  // the span the curve runs over
  double amount = 0;
  model::SpendCurve curve;
  const core::SiteTime* site = nullptr;  // construction after restarts: its site's working time, not the calendar's
};

// Adds the span's spend from `from` on (the part before it is not counted)
// to per_month (periods.months.size() entries). Returns the part added, which
// lies inside the horizon. A span with no working time spends everything at
// its finish.
double add_spend(const SpendSpan& span, const Periods& periods, std::span<double> per_month,
                 double from = -std::numeric_limits<double>::infinity());

}  // namespace kpsim::report
