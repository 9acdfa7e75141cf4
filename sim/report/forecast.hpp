// From one schedule (a Trace) to what planners read: completed investment and
// starts/completions per month and quarter, and per-project dates.
#pragma once

#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/network.hpp"
#include "sim/engine/replication.hpp"
#include "sim/report/periods.hpp"
#include "sim/report/reporting_basis.hpp"

namespace kpsim::report {

inline constexpr double kNever = std::numeric_limits<double>::quiet_NaN();

struct ProjectResult {
  double approval_finish = kNever;  // last approval/land step construction waits on; NaN if all done before start
  double start = kNever;            // 开工: first construction start; NaN if begun before the start date
  double completion = kNever;       // 竣工: last task's finish; NaN if any task never ran
  // The same as reported dates (days since the origin, finish days inclusive).
  std::int32_t approval_finish_day = 0, start_day = 0, completion_day = 0;
  double investment_in_horizon = 0;
  std::array<double, kInvestmentParts> part_in_horizon{};  // 建安工程, 设备工器具购置, 其他费用 (every project's spend)
  // The step that held the project when a target passed unmet: the task
  // unfinished at the end of the target day that began (or will begin)
  // first — the approval it was in or queued for, or the construction that
  // had not begun. kNoTask when the target was met or there is none.
  static constexpr std::uint32_t kNoTask = UINT32_MAX;
  std::uint32_t held_start = kNoTask, held_completion = kNoTask;
  bool start_missed = false, completion_missed = false;  // the targets (never reached counts as missed)
};

struct PeriodResult {
  double investment = 0;  // every project's spend
  double counted = 0;     // what the reports count: on the statistics bureau's basis when it is on
  int started = 0, completed = 0;
};

struct Forecast {
  Periods periods;
  std::vector<PeriodResult> months, quarters;
  std::vector<ProjectResult> projects;
  double investment_in_horizon = 0;
  double counted_in_horizon = 0;        // as PeriodResult::counted
  double investment_after_horizon = 0;  // remaining spend that falls after the end date
  std::vector<double> category_months;  // [category × months + month]: counted investment
  std::vector<double> part_months;      // [part × months + month]: counted investment by 投资构成
  std::vector<double> category_parts;   // [category × kInvestmentParts + part]: counted in the horizon
  std::vector<double> project_months;   // [project × months + month]: counted investment, when asked for
};

// `calendars`: those the schedule ran on (a replication's, with its lost
// days); `project_scale`: each project's spend multiplier (an arrival's drawn
// investment; empty means 1 for all); `basis`: what counts and the project
// categories (null: everything counts, one category).
// `draws`: which replication the schedule is, for the per-project restarts
// (复工) that construction on some calendars runs on (null: none drawn, as
// for a deterministic schedule of replication 0 with seed 0).
struct DrawKey {
  std::uint64_t seed = 0;
  std::uint32_t replication = 0;
  bool deterministic = true;
};
// `per_project_months`: also fill Forecast::project_months (calibration to
// dispatch tables and districts needs them; a forecast does not).
Forecast make_forecast(const engine::Network& net, const engine::Trace& trace,
                       const std::vector<core::Calendar>& calendars, const std::vector<double>& project_scale,
                       const ReportingBasis* basis = nullptr, const DrawKey& draws = {}, bool per_project_months = false);
inline Forecast make_forecast(const engine::Network& net, const engine::Trace& trace) {
  return make_forecast(net, trace, net.calendars, {});
}

}  // namespace kpsim::report

