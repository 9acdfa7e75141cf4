// What drives the forecast, read from the replications already run (no
// re-running): for each template step (its mean working days over the tasks
// that ran it), each risk (the tasks it struck), each agency (its mean wait)
// and each step of the projects the scenario names (report: {sensitivity:
// [ids]}), Spearman's rank correlation across replications with each output
// that matters — the horizon's investment, each quarter's, projects and key
// projects started, and the named projects' start and completion — with a
// 90% interval (Fisher's z, with the 1.06 variance factor of Fieller,
// Hartley and Pearson for rank correlations), so that noise is not read as
// a driver.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/network.hpp"
#include "sim/engine/replication.hpp"

namespace kpsim::report {

enum class DriverKind : std::uint8_t { step, risk, agency, project_step };

// One input recorded per replication. index: the StepRule (step), risk,
// agency, or task (project_step).
struct SensitivityInput {
  DriverKind kind = DriverKind::step;
  std::uint32_t index = 0;
};

// Every template step some task of the network runs, every risk and agency,
// and each step of `projects` that is not done at the start.
std::vector<SensitivityInput> sensitivity_inputs(const engine::Network& net, const std::vector<std::uint32_t>& projects);

// One replication's value of each input (NaN where it did not happen: a step
// no task ran, an agency that served nobody).
void record_inputs(const std::vector<SensitivityInput>& inputs, const engine::Network& net,
                   const engine::Replication& rep, std::vector<double>& out);

// Spearman's rho over the pairs where both are numbers (+infinity, "never",
// ranks last); 0 when either side does not vary.
struct RankCorrelation {
  double rho = 0, ci90_low = 0, ci90_high = 0;
  std::size_t n = 0;
  bool varies = false;  // both sides vary over the pairs
};
RankCorrelation rank_correlation(const std::vector<double>& x, const std::vector<double>& y);

// Ranks 1..n, ties given their average rank; and the correlation of two
// such rankings of the same replications (what rank_correlation computes
// once it has dropped the missing pairs and ranked both sides).
std::vector<double> average_ranks(const std::vector<double>& v);
RankCorrelation correlation_of_ranks(const std::vector<double>& ra, const std::vector<double>& rb);

}  // namespace kpsim::report
