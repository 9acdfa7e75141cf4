// Paired comparison of two forecasts run with common random numbers: the
// same seed and replication numbers, so replication r of the base and of the
// variant saw the same draws wherever their scenarios agree, and per-
// replication differences are sharp.
#pragma once

#include <string>
#include <vector>

#include "sim/model/scenario.hpp"
#include "sim/report/monte_carlo.hpp"

namespace kpsim::report {

// One metric in one period, base against variant.
struct PairedStat {
  std::string metric;  // investment, share_of_plan, start_rate, approval_days[_clock][_since_start][:key], wait:<agency>
  std::string period;  // 2026Q1, 2026 (the year), or the whole horizon (Periods::horizon_label)
  std::size_t n = 0;   // replications with a value in both
  double base_mean = 0, variant_mean = 0;
  double diff_mean = 0;
  double ci90_low = 0, ci90_high = 0;  // 90% confidence interval of the mean difference
  double p05 = 0, p95 = 0;             // 5% and 95% quantiles of the per-replication difference
};

// Mean difference with its 90% interval from per-replication pairs (NaN
// pairs are left out).
PairedStat paired(std::string metric, std::string period, const std::vector<double>& base,
                  const std::vector<double>& variant);

// The same for a ratio of sums over the replications (a mean over
// project-replications or over services, exactly as a run reports it):
// base and variant means are sum(numerator) / sum(denominator); the interval
// of their difference is the delta method's on the paired replications; the
// quantiles are those of the per-replication ratios' differences.
PairedStat paired_ratio(std::string metric, std::string period, const Eigen::VectorXd& base_num,
                        const Eigen::VectorXd& base_den, const Eigen::VectorXd& variant_num,
                        const Eigen::VectorXd& variant_den);

// The metric name of an approval measure: approval_days, approval_clock_days,
// approval_days_since_start, approval_clock_days_since_start.
const char* approval_metric(ApprovalMeasure m);

// What a paired comparison is made of: one metric in one period, per
// replication — a value, or (with denominators) the numerator of a ratio of
// sums (approval days over projects, wait over services).
struct PairedSeries {
  std::string metric, period;
  std::vector<double> values, denominators;
};

// A forecast's series, in the order comparisons list them: investment per
// quarter and calendar year; the year to date as a share of the scenario's
// annual plan (when it has one); the cumulative start rate and key projects
// started (of those not under construction at the start); over the whole
// horizon (Periods::horizon_label) every approval measure, for all projects
// and (metric suffix ":key") for key projects, and each agency's mean wait.
std::vector<PairedSeries> paired_series(const model::Scenario& sc, const MonteCarloForecast& mc);

// The base's series against the variant's with the same metric and period.
std::vector<PairedStat> compare_series(const std::vector<PairedSeries>& base, const std::vector<PairedSeries>& variant);

struct Comparison {
  std::string base, variant;  // scenario names (with their policies)
  std::vector<PairedStat> rows;
};

// Per quarter and per calendar year: completed investment and the
// cumulative start rate; per quarter, the year to date as a share of the
// base's annual plan (when it has one); over the run: realised approval working days
// (every ApprovalMeasure) and each agency's mean wait — the base's figures
// equal to those `run` reports for the same scenario and seed.
Comparison compare_forecasts(const model::Scenario& base_sc, const MonteCarloForecast& base,
                             const model::Scenario& variant_sc, const MonteCarloForecast& variant);

}  // namespace kpsim::report
