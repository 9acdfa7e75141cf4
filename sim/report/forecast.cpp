#include "sim/report/forecast.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "sim/engine/restart.hpp"
#include "sim/report/spend.hpp"

namespace kpsim::report {
namespace {

void count_in_month(const Periods& periods, std::vector<PeriodResult>& months, std::int32_t day, int PeriodResult::*field) {
  if (day < 0 || day >= periods.horizon_days) return;
  ++(months[periods.month_of_day[static_cast<std::size_t>(day)]].*field);
}

// The task of project p that held it at the end of `day` (see ProjectResult),
// among those `candidates` marks (null: all).
std::uint32_t held_at(const engine::Network& net, const engine::Trace& trace, std::uint32_t p, std::int32_t day,
                      const std::vector<std::uint8_t>* candidates) {
  const double moment = day + 1.0;
  std::uint32_t held = ProjectResult::kNoTask;
  double first = std::numeric_limits<double>::infinity();
  for (std::uint32_t t = net.project_begin[p]; t < net.project_begin[p + 1]; ++t) {
    if (net.tasks[t].done_at_start || trace.finish(t) <= moment || (candidates && !(*candidates)[t])) continue;
    if (held == ProjectResult::kNoTask || trace.start(t) < first) held = t, first = trace.start(t);
  }
  return held;
}

// The first day a project's spend counts: its registration (入库) month, or
// that of its start plus the lag; +infinity if never counted.
double counted_from(const ReportingBasis& b, const Periods& periods, std::uint32_t p, double investment,
                    double first_construction) {
  if (investment < b.min_investment) return std::numeric_limits<double>::infinity();
  const std::int32_t given = b.registered_day[p];
  if (given != ReportingBasis::kAtStart) return given;
  const std::int64_t m = periods.month_at(first_construction);
  if (m < 0) return std::numeric_limits<double>::infinity();
  const auto registered = static_cast<std::size_t>(m + b.registration_lag_months);
  return registered < periods.months.size() ? periods.months[registered].begin : std::numeric_limits<double>::infinity();
}

// When and over what a part of the investment is spent in this schedule;
// finish +infinity if its moment never came.
SpendSpan part_span(const ReportingBasis& b, const ReportingBasis::PartLeft& part, const engine::Trace& trace,
                    const std::vector<core::Calendar>& calendars, double construction_start, double construction_end,
                    double land_done, double amount) {
  const core::Calendar* cal = part.calendar < 0 ? &b.every_day : &calendars[static_cast<std::size_t>(part.calendar)];
  constexpr double kNeverDay = std::numeric_limits<double>::infinity();
  switch (part.timing) {
    case model::SpendTiming::with_step:
      return {cal, trace.start(part.task), trace.finish(part.task), amount, part.curve};
    case model::SpendTiming::at_step:
      return {cal, trace.finish(part.task), trace.finish(part.task), amount, {}};
    case model::SpendTiming::at_land:
      return {cal, land_done, land_done < 0 ? kNeverDay : land_done, amount, {}};
    case model::SpendTiming::spread:
      break;
  }
  if (construction_end < 0 || !std::isfinite(construction_start)) return {cal, 0, kNeverDay, amount, {}};
  return {cal, construction_start, construction_end, amount, {}};
}

}  // namespace

Forecast make_forecast(const engine::Network& net, const engine::Trace& trace,
                       const std::vector<core::Calendar>& calendars, const std::vector<double>& project_scale,
                       const ReportingBasis* basis, const DrawKey& draws, bool per_project_months) {
  std::vector<core::Restart> restarts;
  Forecast f;
  f.periods = make_periods(net.origin, net.horizon_days);
  const Periods& periods = f.periods;
  const std::size_t months = periods.months.size();
  constexpr std::size_t kParts = kInvestmentParts;
  std::vector<double> per_month(months, 0.0), counted(months, 0.0), project_months(kParts * months, 0.0);
  f.part_months.assign(kParts * months, 0.0);
  // A project's counted spend of part k, month by month.
  auto part_months = [&](std::size_t k) { return std::span<double>(project_months).subspan(k * months, months); };
  const std::size_t categories = basis ? basis->category_names.size() : 1;
  f.category_months.assign(categories * months, 0.0);
  f.category_parts.assign(categories * kParts, 0.0);
  f.months.resize(months);
  f.projects.resize(net.project_count());
  if (per_project_months) f.project_months.assign(net.project_count() * months, 0.0);

  std::size_t extra = 0;  // into trace.extras, which are by task: the tasks are visited in order
  for (std::uint32_t p = 0; p < net.project_count(); ++p) {
    ProjectResult& r = f.projects[p];
    const double scale = project_scale.empty() ? 1.0 : project_scale[p];
    double first_construction = std::numeric_limits<double>::infinity();
    for (std::uint32_t t = net.project_begin[p]; t < net.project_begin[p + 1]; ++t)
      if (!net.tasks[t].done_at_start && net.tasks[t].type == model::StepType::construction)
        first_construction = std::min(first_construction, trace.start(t));
    const bool official = basis && basis->official;
    const double count_from =
        official ? counted_from(*basis, periods, p, net.project_investment[p] * scale, first_construction) : 0.0;
    std::fill(project_months.begin(), project_months.end(), 0.0);
    const double built_scale = basis && !basis->construction_scale.empty() ? basis->construction_scale[p] : 1.0;
    double last_start = 0, last_finish = -1, approval_start = 0;
    double land_done = -1, construction_end = -1;
    bool all_ran = true;
    for (std::uint32_t t = net.project_begin[p]; t < net.project_begin[p + 1]; ++t) {
      const engine::Task& task = net.tasks[t];
      if (task.done_at_start) continue;
      const double s = trace.start(t), e = trace.finish(t);
      const double spend = built_scale == 1.0 ? net.spend[t] * scale : net.spend[t] * scale * built_scale;
      if (!std::isfinite(e)) {  // never ran: all its spend falls after the horizon
        f.investment_after_horizon += spend;
        all_ran = false;
        if (task.type == model::StepType::construction) construction_end = e;  // the construction never ends
        continue;
      }
      if (e > last_finish) last_start = s, last_finish = e;
      if (task.type == model::StepType::land) land_done = std::max(land_done, e);
      if (task.type == model::StepType::construction && std::isfinite(construction_end))
        construction_end = std::max(construction_end, e);
      if (task.before_construction && !(e <= r.approval_finish)) r.approval_finish = e, approval_start = s;
      const core::Calendar& cal = calendars[task.calendar];
      while (extra < trace.extras.size() && trace.extras[extra].task < t) ++extra;
      const double idle = extra < trace.extras.size() && trace.extras[extra].task == t ? trace.extras[extra].idle : 0.0;
      const double spend_from = std::min(idle > 0 ? cal.start_at(cal.work_before(s) + idle) : s, e);
      // Construction after restarts spends over its site's working time.
      const std::int32_t rule = net.calendar_restart.empty() || task.type != model::StepType::construction
                                    ? -1
                                    : net.calendar_restart[task.calendar];
      std::optional<core::SiteTime> site;
      if (rule >= 0) {
        const engine::CalendarRestart& r = net.restarts[static_cast<std::size_t>(rule)];
        engine::site_restarts(net, r, p, draws.seed, draws.replication, draws.deterministic, s, restarts);
        site.emplace(cal, restarts, r.ramp);
      }
      const SpendSpan span{&cal, spend_from, e, spend, basis ? basis->curve_of(t) : model::SpendCurve{},
                           site ? &*site : nullptr};
      const double in_horizon = add_spend(span, periods, per_month);
      r.investment_in_horizon += in_horizon;
      r.part_in_horizon[0] += in_horizon;
      f.investment_after_horizon += spend - in_horizon;
      add_spend(span, periods, part_months(0), count_from);  // only the work after registration counts
    }
    if (basis)
      for (std::uint32_t i = basis->parts_begin[p]; i < basis->parts_begin[p + 1]; ++i) {
        const ReportingBasis::PartLeft& part = basis->parts[i];
        const double amount = part.amount * scale;
        const SpendSpan span = part_span(*basis, part, trace, calendars, first_construction, construction_end, land_done, amount);
        if (!std::isfinite(span.finish)) {
          f.investment_after_horizon += amount;
          continue;
        }
        const double in_horizon = add_spend(span, periods, per_month);
        r.investment_in_horizon += in_horizon;
        r.part_in_horizon[part.part] += in_horizon;
        f.investment_after_horizon += amount - in_horizon;
        add_spend(span, periods, part_months(part.part), count_from);
      }
    const std::uint16_t c = basis ? basis->category[p] : 0;
    for (std::size_t m = 0; m < months; ++m) {
      double all = 0;
      for (std::size_t k = 0; k < kParts; ++k) {
        all += project_months[k * months + m];
        f.part_months[k * months + m] += project_months[k * months + m];
        f.category_parts[c * kParts + k] += project_months[k * months + m];
      }
      counted[m] += all;
      if (per_project_months) f.project_months[p * months + m] = all;
      f.category_months[c * months + m] += all;
      f.counted_in_horizon += all;
    }
    if (!net.project_under_construction[p] && first_construction < std::numeric_limits<double>::infinity()) {
      r.start = first_construction;
      r.start_day = start_day(r.start);
      count_in_month(periods, f.months, r.start_day, &PeriodResult::started);
    }
    if (last_finish >= 0 && all_ran) {  // 竣工: every task done, not just those that ran
      r.completion = last_finish;
      r.completion_day = finish_day(last_start, last_finish);
      count_in_month(periods, f.months, r.completion_day, &PeriodResult::completed);
    }
    if (!std::isnan(r.approval_finish)) r.approval_finish_day = finish_day(approval_start, r.approval_finish);
    f.investment_in_horizon += r.investment_in_horizon;
    if (p < net.fixed_projects) {
      const std::int32_t start_target = net.start_target_day[p], completion_target = net.completion_target_day[p];
      r.start_missed = start_target != engine::Network::kNoTarget && !net.project_under_construction[p] &&
                       (std::isnan(r.start) || r.start_day > start_target);
      r.completion_missed = completion_target != engine::Network::kNoTarget &&
                            (std::isnan(r.completion) || r.completion_day > completion_target);
      if (r.start_missed) r.held_start = held_at(net, trace, p, start_target, basis ? &basis->gates_start : nullptr);
      if (r.completion_missed) r.held_completion = held_at(net, trace, p, completion_target, nullptr);
    }
  }
  for (std::size_t m = 0; m < months; ++m) f.months[m].investment = per_month[m], f.months[m].counted = counted[m];
  f.quarters.assign(periods.quarters.size(), {});
  for (std::size_t m = 0; m < months; ++m) {
    PeriodResult& q = f.quarters[periods.quarter_of_month[m]];
    q.investment += f.months[m].investment;
    q.counted += f.months[m].counted;
    q.started += f.months[m].started;
    q.completed += f.months[m].completed;
  }
  return f;
}

}  // namespace kpsim::report
