// The calibration file (YAML), read with located errors (docs/calibration.md):
//   kpsim: 1
//   calibration: NAME
//   base: SCENARIO.yaml            # relative to the calibration file
//   policies: [OVERLAY.yaml, …]    # optional
//   parameters:   [{name, path, prior: {uniform: [a, b]} …, integer, reason}, …]
//   observations: [{label, investment: {to: YYYY-MM, category, district} |
//                   count: {what, at, class} | approval_days: {class} |
//                   dispatch: {file, columns}, value, exact | rounded | se,
//                   discrepancy}, …]
//   method:   {points, waves, replications, seed, discrepancy}
//   forecast: {replications, draws}
// What needs the scenario (paths, categories, projects, dates in the
// horizon, priors inside the valid range) is checked when it is prepared.
#pragma once

#include <string>

#include "sim/model/calibration_spec.hpp"

namespace kpsim::input {

// Throws model::InputError.
model::CalibrationSpec load_calibration(const std::string& path);
model::CalibrationSpec load_calibration_text(const std::string& text, const std::string& path);

}  // namespace kpsim::input
