// The result files of `kpsim run`.
#pragma once

#include <filesystem>

#include "sim/engine/network.hpp"
#include "sim/model/scenario.hpp"
#include "sim/output/result_folder.hpp"
#include "sim/report/monte_carlo.hpp"
#include "sim/tables/sheet.hpp"

namespace kpsim::output {

struct RunInfo {
  std::uint64_t seed = 0;
  bool deterministic = false;
  bool until_converged = false;  // summary.json then says whether it settled before the cap
};

// What a command adds to a run's files (a calibration its posterior and fit):
// each sheet as a CSV, a workbook sheet after the run's and a table in
// summary.json under `summary_key`; `files` are written as they are. All
// appear together with the run's files.
struct RunExtras {
  std::string summary_key;
  std::vector<tables::Sheet> sheets;
  std::vector<std::pair<std::string, std::string>> files;  // name, content
};

// Writes the run's files into `out` and publishes them, all together or none:
//   forecast_quarterly.csv, forecast_monthly.csv  completed investment with
//                     bands, against the plan (statistics bureau's basis if on)
//   start_progress.csv  projects not yet started at each quarter's end
//   categories.csv    the plan by project category (续建, 新开工, …)
//   at_risk.csv       projects likely to miss a target, and the step holding them
//   projects.csv      per project: start and completion (P10–P90), targets at risk
//   agencies.csv      utilisation, queues, waits, statutory limits (busiest first)
//   agency_months.csv utilisation per agency and month
//   approval_times.csv  realised approval working days per project class
//   report.xlsx       the tables above as the sheets of one workbook
//   criticality.csv   per step: share of replications on the longest path
//   land.csv          per land pool: released, granted, waits, projects never granted
//   risks.csv         per risk: how often it struck
//   arrivals.csv      per arrival stream: projects entering, starting, investing
//   summary.json      all of the above in one document, plus the run's settings
void write_run(ResultFolder& out, const model::Scenario& scenario, const engine::Network& net,
               const report::MonteCarloForecast& mc, const RunInfo& info, const RunExtras& extras = {});

}  // namespace kpsim::output
