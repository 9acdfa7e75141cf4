// The tables planners read, from a Monte Carlo forecast: quarterly and
// monthly investment against the plan, start progress, the plan by project
// category, the projects at risk with the step that holds them, the agency
// bottleneck table and its months, approval times and the project list.
// Each becomes a CSV file, a sheet of report.xlsx and part of summary.json.
#pragma once

#include <vector>

#include "sim/engine/network.hpp"
#include "sim/tables/sheet.hpp"
#include "sim/model/scenario.hpp"
#include "sim/report/monte_carlo.hpp"

namespace kpsim::tables {

struct RunTableOptions {
  std::uint64_t seed = 0;
  bool deterministic = false;
};

std::vector<Sheet> run_sheets(const model::Scenario& scenario, const engine::Network& net,
                              const report::MonteCarloForecast& mc, const RunTableOptions& options);

// "环境影响评价审批 (生态环境局)": a task's step and its agency, for tables.
std::string step_label(const model::Scenario& scenario, const engine::Network& net, std::uint32_t task);

}  // namespace kpsim::tables
