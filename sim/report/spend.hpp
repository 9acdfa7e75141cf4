// Completed investment as the exact integral of spend over periods: spend
// flows uniformly over a task's working time, so the amount in a period is
// the share of the task's working time that falls in it — no day ticking.
#pragma once

#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/report/periods.hpp"

namespace kpsim::report {

// Adds `amount`, spent over [start, finish) in `cal`'s working time, to
// per_month (size periods.months.size()). Returns the part inside the horizon.
// A task with no working time spends everything at its finish.
double add_spend(const core::Calendar& cal, double start, double finish, double amount, const Periods& periods,
                 std::vector<double>& per_month);

}  // namespace kpsim::report
