// What a replication's world looks like before anything happens in it: the
// copula factors of its risks, the working days its calendars lose, and
// which newly signed projects arrive, when and how large. All drawn from
// streams keyed by (seed, replication, what the draw is for).
#pragma once

#include <cstdint>

#include "sim/engine/network.hpp"
#include "sim/engine/replication.hpp"
#include "sim/engine/workspace.hpp"

namespace kpsim::engine {

// Fills rep.factors, rep.calendars (those with lost days), rep.project_ready,
// rep.project_scale, rep.project_land and ws.slot_starts.
void draw_replication_inputs(const Network& net, std::uint64_t seed, std::uint32_t replication, Replication& rep,
                             Workspace& ws);

}  // namespace kpsim::engine
