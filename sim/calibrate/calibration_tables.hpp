// What a calibration reports, as tables (CSV, workbook sheet, summary.json):
//   parameters.csv  each parameter: prior, posterior median and intervals,
//                   and how far the data narrowed it
//   posterior.csv   every point simulated, with its weight
//   fit.csv         each fitted observation against the calibrated forecast
//   backtest.csv    each held-out observation against it (with --until)
// and calibrated.yaml, the posterior medians as an overlay for --policy.
#pragma once

#include <string>

#include "sim/calibrate/calibrated_forecast.hpp"
#include "sim/tables/sheet.hpp"

namespace kpsim::calibrate {

struct Bands {
  double mean = 0, sd = 0, p05 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0;
};
// Of one column of replications × figures (NaN rows left out), with
// `extra_sd` of normal noise added to each: the bands of an observed figure,
// which is the model's plus the observation's error and the discrepancy.
Bands bands_of(const Eigen::MatrixXd& figures, Eigen::Index column, double extra_sd = 0);

// The standard deviation an observed figure has beyond the model's own:
// its precision and the model discrepancy (0 for a 0/1 figure).
double observation_sd(const PreparedCalibration& c, const model::Observation& o);

// The bands of observation j (fitted first, then held out) under the forecast.
Bands observed_bands(const PreparedCalibration& c, const CalibratedForecast& f, std::size_t j);

// A 90 % interval narrowed to less than half the prior's counts as pinned
// down by the data.
inline constexpr double kPinnedShare = 0.5;
double interval_share(const PreparedCalibration& c, const Posterior& post, std::size_t p);

struct BacktestScore {
  std::size_t observations = 0, in50 = 0, in90 = 0;
  double mean_abs_error = 0;  // of the forecast mean, in the observations' units
};
BacktestScore score_backtest(const PreparedCalibration& c, const CalibratedForecast& f);

tables::Sheet parameters_sheet(const PreparedCalibration& c, const Posterior& post);
tables::Sheet posterior_sheet(const PreparedCalibration& c, const Posterior& post);
tables::Sheet fit_sheet(const PreparedCalibration& c, const CalibratedForecast& f);
tables::Sheet backtest_sheet(const PreparedCalibration& c, const CalibratedForecast& f);
std::string calibrated_overlay(const PreparedCalibration& c, const Posterior& post);

}  // namespace kpsim::calibrate
