// Reporting periods (months, quarters) of the horizon, with O(1) lookup of
// the month that contains a given day.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/date.hpp"

namespace kpsim::report {

struct Period {
  std::string label;          // "2026-03" or "2026Q1"
  std::int32_t begin = 0;     // first day, relative to the origin
  std::int32_t end = 0;       // one past the last day
};

struct Periods {
  core::Date origin;
  std::int32_t horizon_days = 0;
  std::vector<Period> months, quarters;
  std::vector<std::uint32_t> quarter_of_month;
  std::vector<std::uint32_t> month_of_day;  // size horizon_days

  // The month containing time t (days since origin), or -1 outside the horizon.
  std::int64_t month_at(double t) const;
  // The label of the whole horizon: its calendar year(s) when it is whole
  // years ("2026", "2026–2027"), else its first and last day.
  std::string horizon_label() const;
};

// Calendar months and quarters covering [origin, origin + horizon_days); the
// first and last may be partial.
Periods make_periods(core::Date origin, std::int32_t horizon_days);

}  // namespace kpsim::report

namespace kpsim::report {

// Reported dates, as MS Project and Primavera print them: a task starts on
// the day of its start moment and finishes on the last day it works in (a
// one-day task starting Monday finishes Monday); a zero-length task finishes
// the day it starts.
std::int32_t start_day(double start);
std::int32_t finish_day(double start, double finish);

}  // namespace kpsim::report
