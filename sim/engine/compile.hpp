// Scenario -> Network: names become dense ids, templates become per-project
// task blocks in topological order, the state at the start date becomes
// remaining work and remaining spend.
#pragma once

#include "sim/engine/network.hpp"
#include "sim/model/scenario.hpp"

namespace kpsim::engine {

// The calendar tables extend model::kCalendarTailDays past the horizon, so
// that work spilling beyond it still finishes on real dates.
using model::kCalendarTailDays;

// Builds the network; throws model::InputError (located) for cycles and
// calendars without working days.
Network compile(const model::Scenario& scenario);

}  // namespace kpsim::engine
