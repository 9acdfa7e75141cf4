// How long one attempt at a step takes, in working days of its calendar, and
// how that time counts: on the statutory clock (the step's own duration, or
// its merged parts combined, truncated at a cap), off it (expert review,
// notices: not the agency's work), and how long the agency is held.
// The engine and the deterministic schedule both use these, so they agree.
#pragma once

#include <algorithm>
#include <cstdint>

#include "sim/core/rng.hpp"
#include "sim/core/sample.hpp"
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
// `project_key`: project_key(seed, replication, project) below.
StepWork draw_step_work(const Network& net, const StepRule& rule, std::uint64_t project_key, std::uint32_t attempt);

// The (seed, replication, project) part of a project's streams, mixed once
// a replication; `replication_key`: core::RngStream::replication_key(seed,
// replication).
inline std::uint64_t project_key(std::uint64_t replication_key, std::uint64_t project_hash) {
  return core::RngStream::first_key(replication_key, project_hash);
}

// The stream of one draw for a step's attempt.
inline core::RngStream step_stream(std::uint64_t project_key, std::uint64_t step_hash, std::uint32_t attempt, core::Purpose purpose) {
  return core::RngStream::keyed_from(project_key, step_hash ^ (attempt * core::kGolden), purpose);
}

// Most steps have one duration and nothing else: no parts, phases, effort
// or owner's work.
inline bool single_duration(const StepRule& rule) {
  return rule.part_count == 0 && rule.phase_count == 0 && !rule.has_effort && !rule.owner_work;
}

// draw_step_work for a single-duration step, inline for the engine's hot
// path (the same numbers: one draw, cut at the reader's limit and the cap).
inline StepWork draw_single_duration(const StepRule& rule, std::uint64_t project_key, std::uint32_t attempt) {
  const core::Distribution& d = rule.duration;
  double x = d.a;
  if (d.kind != core::DistKind::fixed) {  // nothing to draw: no stream is keyed for it
    core::RngStream rng = step_stream(project_key, rule.step_hash, attempt, core::Purpose::duration);
    x = core::sample(d, rng);
  }
  x = std::min(std::min(x, core::kMaxDurationDays), rule.cap);
  return {x, 0, x};
}

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
