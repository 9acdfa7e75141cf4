// Does the calibration find what it should? Truths drawn from the prior (a
// Latin hypercube), observations simulated by kpsim itself at each truth
// with a seed of their own (plus the error the calibration assumes of a
// city's figures), each calibrated as a city's figures would be:
// how often the posterior intervals hold the truth, and — with --until — how
// often the forecast bands hold the held-out figures.
#pragma once

#include <ostream>

#include "sim/calibrate/calibration.hpp"
#include "sim/tables/sheet.hpp"

namespace kpsim::calibrate {

struct RecoveryOptions {
  int truths = 20;
  int threads = 1;
  std::ostream* progress = nullptr;  // a line per truth
  run::Control* control = nullptr;   // progress and stop, for a caller on another thread
};

struct RecoveryResult {
  tables::Sheet parameters;  // recovery.csv: truth × parameter
  tables::Sheet backtest;    // recovery_backtest.csv: truth × held-out observation (with --until)
  std::size_t intervals = 0, in50 = 0, in90 = 0;  // over all truths and parameters
  std::size_t held_out = 0, held_in50 = 0, held_in90 = 0;
  std::uint64_t replications = 0;
};

// `c` is calibrated once per truth (its observed values replaced each time).
RecoveryResult run_recovery(PreparedCalibration& c, const RecoveryOptions& options);

}  // namespace kpsim::calibrate
