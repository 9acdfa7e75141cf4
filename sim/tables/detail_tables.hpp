// The run's detail tables: land pools, risks, arrival streams and each
// step's criticality. Like the planner's tables, each becomes a CSV file and
// a workbook sheet (and, but for criticality, part of summary.json).
#pragma once

#include <vector>

#include "sim/engine/network.hpp"
#include "sim/model/scenario.hpp"
#include "sim/report/monte_carlo.hpp"
#include "sim/tables/sheet.hpp"

namespace kpsim::tables {

Sheet land_sheet(const model::Scenario& scenario, const report::MonteCarloForecast& mc);
Sheet risks_sheet(const model::Scenario& scenario, const report::MonteCarloForecast& mc);
Sheet arrivals_sheet(const model::Scenario& scenario, const report::MonteCarloForecast& mc);
// Steps still to do at the start, of the scenario's projects (not arrivals).
Sheet criticality_sheet(const model::Scenario& scenario, const engine::Network& net, const report::MonteCarloForecast& mc);

}  // namespace kpsim::tables
