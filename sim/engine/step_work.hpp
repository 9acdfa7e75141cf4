// How long one attempt at a step takes, in working days of its calendar, and
// how that time counts: on the statutory clock (the step's own duration, or
// its merged parts combined, truncated at a cap), off it (expert review,
// notices: not the agency's work), and how long the agency is held.
// The engine and the deterministic schedule both use these, so they agree.
#pragma once

#include <algorithm>
#include <cstdint>

#include "sim/core/rng.hpp"
#include "sim/engine/network.hpp"

namespace kpsim::engine {

struct StepWork {
  double clock = 0;      // on the statutory clock
  double off_clock = 0;  // after it, off the clock
  double held = 0;       // the time the agency is held from the start: the reviewers' effort, or all the on-clock work
  double total() const { return clock + off_clock; }
};

// A drawn attempt. Streams are keyed by (seed, replication, project, step,
// attempt): merged parts draw from the streams of the steps they were, so a
// policy that merges or scales steps keeps common random numbers.
// `replication_key`: core::RngStream::replication_key(seed, replication).
StepWork draw_step_work(const Network& net, const StepRule& rule, std::uint64_t replication_key,
                        std::uint64_t project_hash, std::uint32_t attempt);

// The deterministic attempt: every distribution at its deterministic value.
StepWork deterministic_step_work(const Network& net, const StepRule& rule);

// Scales an attempt to the share of the work still to do.
inline StepWork times(StepWork w, double remaining) {
  return {w.clock * remaining, w.off_clock * remaining, w.held * remaining};
}

// What is left of an attempt once `worked` working days of it are done (a
// step under way at the start): the on-clock work first, then the off-clock
// phases; the reviewers' effort shrinks by the same days.
inline StepWork less_worked(StepWork w, double worked) {
  const double on = std::min(w.clock, worked);
  const double off = std::min(w.off_clock, worked - on);
  return {w.clock - on, w.off_clock - off, std::max(0.0, w.held - worked)};
}

}  // namespace kpsim::engine
