// Calibrating a scenario to what a city has observed (docs/calibration.md):
// parameter points in waves, each scored by its synthetic likelihood, all
// points weighted by adaptive multiple importance sampling into a posterior.
// Points are dealt out to the ranks of an MPI job and run on every thread;
// the waves are saved as they finish so that an interrupted calibration
// resumes, byte-identical.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <vector>

#include "sim/calibrate/importance.hpp"
#include "sim/calibrate/point_evaluation.hpp"
#include "sim/calibrate/synthetic_likelihood.hpp"
#include "sim/model/calibration_spec.hpp"

namespace kpsim::calibrate {

// A calibration checked against its scenario, ready to run.
struct PreparedCalibration {
  model::CalibrationSpec spec;
  std::unique_ptr<sweep::ScenarioEdits> edits;
  ParameterSlots slots;
  sweep::PreparedVariant base;  // the scenario as written
  std::optional<core::Date> until;
  std::vector<model::Observation> fitted, held_out;  // up to `until`, and after it
  ObservedFigures observed;                          // the fitted ones
  std::uint64_t sources_hash = 0;
};

// Throws model::InputError with every problem found: paths, priors that
// reach values the scenario does not take, observations outside the
// horizon, nothing left to fit before `until`.
PreparedCalibration prepare_calibration(const model::CalibrationSpec& spec, std::optional<core::Date> until);

// The fitted figures' values replaced (a synthetic truth's, for recovery).
void set_observed_values(PreparedCalibration& c, const std::vector<double>& values);

struct CalibrationOptions {
  std::filesystem::path partial_dir;  // waves saved here as they finish (empty: none)
  int threads = 1;
  bool resume = false;
  std::ostream* progress = nullptr;
  run::Control* control = nullptr;  // progress and stop, for a caller on another thread
  // For tests: return after this many waves are saved, as if killed there.
  std::optional<int> stop_after_waves;
};

struct Posterior {
  std::vector<Particle> particles;    // every point of every wave, in order
  std::vector<std::uint32_t> wave;    // of each particle
  std::vector<double> weights;        // normalised
  double ess = 0;
  std::size_t invalid = 0;            // points that were not valid scenarios
  std::size_t waves_resumed = 0;
  std::uint64_t replications = 0;     // run here (this rank)
  int threads = 1;
};

Posterior run_calibration(const PreparedCalibration& c, const CalibrationOptions& options);

// The q-quantile of parameter p's value under the posterior.
double posterior_quantile(const PreparedCalibration& c, const Posterior& post, std::size_t p, double q);

}  // namespace kpsim::calibrate
