// The result files of `kpsim run`.
#pragma once

#include <filesystem>

#include "sim/engine/network.hpp"
#include "sim/model/scenario.hpp"
#include "sim/report/forecast.hpp"

namespace kpsim::io {

// Writes forecast_quarterly.csv, forecast_monthly.csv, projects.csv and
// summary.json into `dir` (created if missing); all appear together or none.
void write_run(const std::filesystem::path& dir, const model::Scenario& scenario, const engine::Network& net,
               const report::Forecast& forecast);

}  // namespace kpsim::io
