// Each project's restarts (复工) on a calendar with a restart rule: the lag
// after every restart point, drawn from a stream keyed by (seed,
// replication, project, calendar, restart), so that the engine and the
// report, which integrates spend over the same site time, agree.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/core/site_time.hpp"
#include "sim/engine/network.hpp"

namespace kpsim::engine {

// The restarts that bear on work from `from` on: those of the year before it
// and after (a restart's lag ends before the next restart point, at most a
// year later). Queries on the site time are then relative to `from`, which
// is all a span or a spend needs.
void site_restarts(const Network& net, const CalendarRestart& rule, std::uint32_t project, std::uint64_t seed,
                   std::uint32_t replication, bool deterministic, double from, std::vector<core::Restart>& out);

}  // namespace kpsim::engine
