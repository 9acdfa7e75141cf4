// What `kpsim run` prints: quarterly investment with bands, the agencies
// that queue, and the projects at risk of missing their targets.
#pragma once

#include <ostream>

#include "sim/engine/network.hpp"
#include "sim/model/scenario.hpp"
#include "sim/report/monte_carlo.hpp"

namespace kpsim::output {

void print_run_tables(std::ostream& out, const model::Scenario& scenario, const engine::Network& net,
                      const report::MonteCarloForecast& mc, bool deterministic);

// What each applied policy changed (the steps it touched, land included or
// not) and every template's statutory full-process total before and after.
void print_policy_effects(std::ostream& out, const model::Scenario& scenario);

}  // namespace kpsim::output
