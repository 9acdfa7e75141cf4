// Running parameter points: each point's values put into the scenario
// (prepared on every thread at once: reading and compiling a city takes as
// long as a few replications), its replications run through the one runner
// with common random numbers across points, and what the observations read
// from each replication kept.
#pragma once

#include <Eigen/Core>
#include <functional>
#include <optional>
#include <vector>

#include "sim/calibrate/observables.hpp"
#include "sim/calibrate/prior_space.hpp"
#include "sim/run/control.hpp"
#include "sim/sweep/scenario_edits.hpp"

namespace kpsim::calibrate {

// The parameters' places in the scenario and how to put a point there.
struct ParameterSlots {
  const sweep::ScenarioEdits* edits = nullptr;
  std::vector<sweep::EditTarget> targets;
  std::vector<PriorSpace> priors;

  // The text each parameter's value is written as.
  std::string text(std::size_t parameter, double z) const;
  // The scenario at a point; throws model::InputError if it is not valid.
  sweep::PreparedVariant prepare(const std::vector<double>& z) const;
};

struct PointRuns {
  std::uint64_t seed = 1;
  int replications = 40;
  std::uint32_t first_replication = 0;  // replications [first, first + replications) of the seed
  int threads = 1;
  run::Control* control = nullptr;  // progress and stop, for a caller on another thread
};

// Per point: replications × observations (empty when the point is not a
// valid scenario). `done` is called after each point, on any thread.
std::vector<Eigen::MatrixXd> run_points(const ParameterSlots& slots, const std::vector<std::vector<double>>& points,
                                        const std::vector<model::Observation>& observations, const PointRuns& runs,
                                        const std::function<void()>& done);

}  // namespace kpsim::calibrate
