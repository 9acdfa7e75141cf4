// The chain of driving predecessors back from each project's last finish —
// the critical path of a schedule, deterministic or realised.
#pragma once

#include <vector>

#include "sim/engine/network.hpp"
#include "sim/engine/replication.hpp"

namespace kpsim::engine {

// trace.ready(t): the moment all of t's predecessors had finished (its
// project's ready day if it has none). A predecessor drives t when its
// finish is that moment. Sets critical[t] for every task on some longest path.
// project_ready: each project's ready day in this schedule.
void mark_longest_paths(const Network& net, const Trace& trace, const std::vector<double>& project_ready,
                        std::vector<bool>& critical);

}  // namespace kpsim::engine
