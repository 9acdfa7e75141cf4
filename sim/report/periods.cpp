#include "sim/report/periods.hpp"

#include <cmath>
#include <cstdio>

namespace kpsim::report {

std::int64_t Periods::month_at(double t) const {
  if (!(t >= 0) || t >= horizon_days) return -1;
  return month_of_day[static_cast<std::size_t>(std::floor(t))];
}

std::string Periods::horizon_label() const {
  const core::Date last = origin + (horizon_days - 1);
  const core::YearMonthDay a = origin.ymd(), b = last.ymd();
  if (a.month == 1 && a.day == 1 && b.month == 12 && b.day == 31)
    return a.year == b.year ? std::to_string(a.year) : std::to_string(a.year) + "–" + std::to_string(b.year);
  return origin.iso() + "…" + last.iso();
}

Periods make_periods(core::Date origin, std::int32_t horizon_days) {
  Periods p;
  p.origin = origin;
  p.horizon_days = horizon_days;
  p.month_of_day.resize(static_cast<std::size_t>(horizon_days));
  std::int32_t day = 0;
  while (day < horizon_days) {
    const core::YearMonthDay ymd = (origin + day).ymd();
    const std::int32_t month_end =
        std::min(horizon_days, day + core::days_in_month(ymd.year, ymd.month) - ymd.day + 1);
    char label[16];
    std::snprintf(label, sizeof label, "%04d-%02d", ymd.year, ymd.month);
    const auto m = static_cast<std::uint32_t>(p.months.size());
    p.months.push_back({label, day, month_end});
    for (std::int32_t d = day; d < month_end; ++d) p.month_of_day[static_cast<std::size_t>(d)] = m;

    const int q = (ymd.month - 1) / 3 + 1;
    std::snprintf(label, sizeof label, "%04dQ%d", ymd.year, q);
    if (p.quarters.empty() || p.quarters.back().label != label) p.quarters.push_back({label, day, month_end});
    else p.quarters.back().end = month_end;
    p.quarter_of_month.push_back(static_cast<std::uint32_t>(p.quarters.size() - 1));
    day = month_end;
  }
  return p;
}

}  // namespace kpsim::report

namespace kpsim::report {

std::int32_t start_day(double start) { return static_cast<std::int32_t>(std::floor(start)); }

std::int32_t finish_day(double start, double finish) {
  if (finish <= start) return start_day(start);
  return static_cast<std::int32_t>(std::ceil(finish)) - 1;
}

}  // namespace kpsim::report
