// The forecast of a calibrated scenario: its replications spread over draws
// from the posterior, so that the bands mix the parameters' uncertainty with
// the simulation's own. Reduced like any run's, so every table, workbook
// and picture of `kpsim run` works on it; the observed figures are read from
// the same replications for the fit and the backtest.
#pragma once

#include <Eigen/Core>
#include <vector>

#include "sim/calibrate/calibration.hpp"
#include "sim/report/monte_carlo.hpp"

namespace kpsim::calibrate {

struct CalibratedForecast {
  report::MonteCarloForecast mc;
  // Replications × observations (the fitted ones, then the held-out ones).
  Eigen::MatrixXd figures;
  std::vector<std::size_t> draws;  // the particle behind each posterior draw
};

CalibratedForecast calibrated_forecast(const PreparedCalibration& c, const Posterior& post, int threads,
                                       run::Control* control = nullptr);

}  // namespace kpsim::calibrate
