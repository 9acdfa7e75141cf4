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
#include "sim/report/sensitivity.hpp"

namespace kpsim::report {

// 投资构成: the parts completed investment is reported in — 0 建筑安装工程,
// 1 设备工器具购置, 2 其他费用.
inline constexpr std::size_t kInvestmentParts = 3;

struct ReportingBasis {
  ReportingBasis();

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

  // 投资构成: per project, the share of its construction tasks' spend that is
  // construction and installation (the rest of what is left to spend goes to
  // the parts below), and the equipment and other costs still to spend.
  struct PartLeft {
    std::uint32_t project = 0;
    std::uint8_t part = 1;            // 1 equipment, 2 other
    model::SpendTiming timing = model::SpendTiming::spread;
    std::uint32_t task = UINT32_MAX;  // with_step, at_step: the project's task
    std::int32_t calendar = -1;       // over time: the calendar; −1 every day
    model::SpendCurve curve;
    double amount = 0;                // left to spend at the start (before an arrival's scale)
  };
  std::vector<double> construction_scale;  // per project; empty: 1 for all
  std::vector<PartLeft> parts;             // by project
  std::vector<std::uint32_t> parts_begin;  // per project + 1: its entries in `parts`
  core::Calendar every_day;                // the calendar of spend that no stop holds up

  // What each replication records for the sensitivity table (sensitivity.hpp).
  std::vector<SensitivityInput> sensitivity;

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
