#include "sim/report/forecast.hpp"

#include <algorithm>
#include <cmath>

#include "sim/report/spend.hpp"

namespace kpsim::report {
namespace {

void count_in_month(const Periods& periods, std::vector<PeriodResult>& months, std::int32_t day, int PeriodResult::*field) {
  if (day < 0 || day >= periods.horizon_days) return;
  ++(months[periods.month_of_day[static_cast<std::size_t>(day)]].*field);
}

}  // namespace

Forecast make_forecast(const engine::Network& net, const engine::Trace& trace,
                       const std::vector<core::Calendar>& calendars, const std::vector<double>& project_scale) {
  Forecast f;
  f.periods = make_periods(net.origin, net.horizon_days);
  const Periods& periods = f.periods;
  std::vector<double> per_month(periods.months.size(), 0.0);
  f.months.resize(periods.months.size());
  f.projects.resize(net.project_count());

  for (std::uint32_t p = 0; p < net.project_count(); ++p) {
    ProjectResult& r = f.projects[p];
    const double scale = project_scale.empty() ? 1.0 : project_scale[p];
    double first_construction = std::numeric_limits<double>::infinity();
    double last_start = 0, last_finish = -1, approval_start = 0;
    for (std::uint32_t t = net.project_begin[p]; t < net.project_begin[p + 1]; ++t) {
      const engine::Task& task = net.tasks[t];
      if (task.done_at_start) continue;
      const double s = trace.start[t], e = trace.finish[t];
      const double spend = net.spend[t] * scale;
      if (!std::isfinite(e)) {  // never ran: all its spend falls after the horizon
        f.investment_after_horizon += spend;
        continue;
      }
      if (e > last_finish) last_start = s, last_finish = e;
      if (task.before_construction && !(e <= r.approval_finish)) r.approval_finish = e, approval_start = s;
      if (task.type == model::StepType::construction) first_construction = std::min(first_construction, s);
      const core::Calendar& cal = calendars[task.calendar];
      const double idle = trace.idle.empty() ? 0.0 : trace.idle[t];
      const double spend_from = idle > 0 ? cal.start_at(cal.work_before(s) + idle) : s;
      const double in_horizon = add_spend(cal, std::min(spend_from, e), e, spend, periods, per_month);
      r.investment_in_horizon += in_horizon;
      f.investment_after_horizon += spend - in_horizon;
    }
    if (!net.project_under_construction[p] && first_construction < std::numeric_limits<double>::infinity()) {
      r.start = first_construction;
      r.start_day = start_day(r.start);
      count_in_month(periods, f.months, r.start_day, &PeriodResult::started);
    }
    if (last_finish >= 0) {
      r.completion = last_finish;
      r.completion_day = finish_day(last_start, last_finish);
      count_in_month(periods, f.months, r.completion_day, &PeriodResult::completed);
    }
    if (!std::isnan(r.approval_finish)) r.approval_finish_day = finish_day(approval_start, r.approval_finish);
    f.investment_in_horizon += r.investment_in_horizon;
  }
  for (std::size_t m = 0; m < periods.months.size(); ++m) f.months[m].investment = per_month[m];
  f.quarters.assign(periods.quarters.size(), {});
  for (std::size_t m = 0; m < periods.months.size(); ++m) {
    PeriodResult& q = f.quarters[periods.quarter_of_month[m]];
    q.investment += f.months[m].investment;
    q.started += f.months[m].started;
    q.completed += f.months[m].completed;
  }
  return f;
}

}  // namespace kpsim::report

