// What `kpsim sweep` prints when it is done: one line per variant — its
// values, completed investment and its paired difference against the
// reference variant, share of plan, start rate, approval time, the
// bottleneck agency and the targets still at risk.
#pragma once

#include <ostream>

#include "sim/sweep/run_sweep.hpp"

namespace kpsim::cli {

void print_sweep_results(std::ostream& out, const sweep::PreparedSweep& prepared, const sweep::SweepSummary& summary,
                         const std::string& money_unit);

}  // namespace kpsim::cli
