// A variant's results as rows of the sweep's tidy CSV: one row per metric ×
// period × statistic, after the variant's id, label and axis values.
#pragma once

#include <string>
#include <vector>

#include "sim/model/scenario.hpp"
#include "sim/report/compare.hpp"
#include "sim/report/monte_carlo.hpp"
#include "sim/sweep/expand.hpp"

namespace kpsim::sweep {

// The header line: variant, label, one column per swept path, metric, period,
// statistic, value.
std::string sweep_csv_header(const Expansion& e);

// Rows (with their line ends) for one variant:
//   investment       per quarter and calendar year: mean, p10, p50, p90
//   share_of_plan    year to date at each quarter's end: mean (with an annual plan)
//   started          projects started per quarter: mean
//   start_rate       cumulative, at each quarter's end: mean
//   approval_days[_clock][_since_start]  over the horizon: mean, p10, p50, p90
//   utilisation:<agency>, wait:<agency>  over the horizon: mean
// Whole-horizon figures carry Periods::horizon_label: the calendar year when
// the horizon is one ("2026", as the year's investment row).
std::string sweep_csv_rows(const Expansion& e, std::size_t variant, const model::Scenario& sc,
                           const report::MonteCarloForecast& mc);

// Rows of a variant's paired differences against the reference variant:
// statistics diff_mean, diff_ci90_low and diff_ci90_high of every paired
// metric and period (report::paired_series).
std::string sweep_csv_difference_rows(const Expansion& e, std::size_t variant, const std::vector<report::PairedStat>& diffs);

}  // namespace kpsim::sweep
