// What the reports count and how they group projects: the statistics
// bureau's counting rules (统计口径) and the project categories the year's
// plan is broken into (续建, 新开工, 前期 …).
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "sim/engine/network.hpp"
#include "sim/model/scenario.hpp"

namespace kpsim::report {

struct ReportingBasis {
  // Statistics bureau rules (off: every project's spend counts from day 0).
  bool official = false;
  double min_investment = 0;        // smaller projects are not counted (investment × scale)
  int registration_lag_months = 0;  // registered this many months after the start month
  // Per project: the first day counted, or kAtStart: the first day of the
  // month construction starts, plus the lag.
  static constexpr std::int32_t kAtStart = std::numeric_limits<std::int32_t>::min();
  std::vector<std::int32_t> registered_day;

  // Per project: its category, and each category's name and planned
  // investment for the year (NaN when no project of it has a plan).
  std::vector<std::uint16_t> category;
  std::vector<std::string> category_names;
  std::vector<double> category_plan;

  // Per task: the project's start (开工) waits for it — a first construction
  // step, or a step one of those waits for. A step that only a later
  // construction step needs (a permit released by 拿地即开工) does not hold
  // the start.
  std::vector<std::uint8_t> gates_start;

  // Per task: its spend curve, as an index into `curves` ([0] is uniform).
  std::vector<std::uint8_t> task_curve;
  std::vector<model::SpendCurve> curves{model::SpendCurve{}};
  const model::SpendCurve& curve_of(std::uint32_t task) const {
    return task_curve.empty() ? curves[0] : curves[task_curve[task]];
  }
};

// Categories: a project's own `category`, else 续建 (under construction at
// the start), 新开工 (a start target inside the horizon), 前期 (the rest);
// arrivals are grouped under their stream's name.
ReportingBasis make_reporting_basis(const model::Scenario& scenario, const engine::Network& net);

}  // namespace kpsim::report
