// A calibration as declared: the scenario, the parameters to calibrate (paths
// into it, as sweeps address them, each with a prior), what the city has
// observed (each with its precision) and the method's settings.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/date.hpp"
#include "sim/model/input_error.hpp"

namespace kpsim::model {

// uniform [a, b]; loguniform [a, b]; normal (mean a, sd b); lognormal
// (median a, log-scale sd b). Every prior is truncated to [lo, hi], its
// support (finite bounds are required for normal and lognormal too, so that
// every point drawn is a value the scenario accepts).
enum class PriorKind : std::uint8_t { uniform, loguniform, normal, lognormal };

struct Prior {
  PriorKind kind = PriorKind::uniform;
  double a = 0, b = 1;
  double lo = 0, hi = 1;
  SourceLoc loc;
};

struct CalibrationParameter {
  std::string name;  // what the outputs call it (default: the path)
  std::string path;  // e.g. duration_scale.preparation
  Prior prior;
  bool integer = false;  // rounded to the nearest integer when put into the scenario
  std::string reason;    // why this prior (stated in the outputs)
  SourceLoc loc;
};

// What is observed.
enum class ObservationKind : std::uint8_t {
  investment,        // year-to-date completed investment at a month's end (statistics bureau's basis)
  count,             // projects not started / started / completed at a date
  approval_days,     // mean realised working days from entry to the last approval before construction
  project_investment,  // one project's year-to-date investment at a month's end (dispatch table)
  project_started,     // whether one project has started by a month's end (dispatch table)
};
enum class CountWhat : std::uint8_t { not_started, started, completed };
enum class ProjectGroup : std::uint8_t { all, key };

struct Observation {
  std::string label;
  ObservationKind kind = ObservationKind::investment;
  core::Date date{};            // the month's last day, or the count's date
  std::string category;         // investment: only this project category (续建, 新开工 …)
  std::string district;         // investment: only this district
  std::string project;          // project_*: its id
  CountWhat what = CountWhat::not_started;
  ProjectGroup group = ProjectGroup::all;
  double value = 0;
  // The observation's own error as a standard deviation: 0 exact, a
  // rounding step w as w/√12, or a stated standard error.
  double precision_sd = 0;
  std::string precision;            // as written: "exact", "rounded 0.01", "se 0.5"
  std::optional<double> discrepancy;  // model discrepancy sd; default: the method's share of |value|
  SourceLoc loc;
};

struct CalibrationSpec {
  std::string name, file;
  std::string base;                   // the scenario, resolved against the calibration file's folder
  std::vector<std::string> overlays;
  std::vector<SourceLoc> files_named_at;  // where the base and each overlay are named  // policy overlays, likewise
  std::vector<CalibrationParameter> parameters;
  std::vector<Observation> observations;
  // The method (docs/calibration.md): synthetic likelihood at each point,
  // adaptive multiple importance sampling over waves of points.
  int points = 200;        // parameter points per wave
  int waves = 4;
  int replications = 40;   // per point, common random numbers across points
  std::uint64_t seed = 1;
  double discrepancy = 0.05;      // default model discrepancy: this share of |observed value|
  int forecast_replications = 1000;  // the calibrated forecast, spread over posterior draws
  int forecast_draws = 100;
  SourceLoc loc;
};

}  // namespace kpsim::model
