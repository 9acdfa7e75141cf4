// The sensitivity table's numbers: each output per replication, and the
// inputs ranked by how strongly they move with it (sensitivity.hpp).
#pragma once

#include <string>
#include <vector>

#include "sim/model/scenario.hpp"
#include "sim/report/monte_carlo.hpp"
#include "sim/report/sensitivity.hpp"

namespace kpsim::report {

// An output per replication: "investment" over the horizon (period: its
// label), "investment" per quarter, "started" (projects started in the
// horizon), "key_started", and per named project "start" and "completion"
// (period: the project's id).
struct SensitivityOutput {
  std::string metric, period;
  std::vector<double> values;
};
std::vector<SensitivityOutput> sensitivity_outputs(const model::Scenario& sc, const MonteCarloForecast& mc);

struct RankedInput {
  std::size_t input = 0;  // into MonteCarloForecast::sensitivity
  RankCorrelation correlation;
  double mean = 0;        // the input's mean over the replications where it happened
};

// Ranks the forecast's inputs against one output after another. Each
// input's column is ranked once, not once per output: a replication where
// neither side is missing (the usual case) then costs one pass.
class InputRanking {
 public:
  explicit InputRanking(const MonteCarloForecast& mc);
  // Every input, strongest first (|rho| descending); inputs that did not
  // vary come last; ties keep the inputs' order.
  std::vector<RankedInput> rank(const std::vector<double>& output) const;

 private:
  struct Input {
    std::vector<double> values, ranks;  // ranks empty when a value is missing
    double mean = 0;
  };
  std::vector<Input> inputs_;
};

}  // namespace kpsim::report
