// The result files of `kpsim run`.
#pragma once

#include <filesystem>

#include "sim/engine/network.hpp"
#include "sim/model/scenario.hpp"
#include "sim/report/monte_carlo.hpp"

namespace kpsim::io {

struct RunInfo {
  std::uint64_t seed = 0;
  bool deterministic = false;
};

// Writes into `dir` (created if missing), all appearing together or none:
//   forecast_quarterly.csv, forecast_monthly.csv  completed investment with bands
//   projects.csv      per project: start and completion, targets at risk
//   agencies.csv      utilisation, queues, waits, statutory limits
//   approval_times.csv  realised approval working days per project class
//   criticality.csv   per step: share of replications on the longest path
//   land.csv          per land pool: released, granted, waits, projects never granted
//   risks.csv         per risk: how often it struck
//   arrivals.csv      per arrival stream: projects entering, starting, investing
//   summary.json      all of the above in one document, plus the run's settings
void write_run(const std::filesystem::path& dir, const model::Scenario& scenario, const engine::Network& net,
               const report::MonteCarloForecast& mc, const RunInfo& info);

}  // namespace kpsim::io
