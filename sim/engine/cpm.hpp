// The deterministic schedule (critical path method) with unlimited agency
// capacity, each task on its own calendar, durations at their deterministic
// value.
#pragma once

#include <vector>

#include "sim/engine/network.hpp"
#include "sim/engine/replication.hpp"

namespace kpsim::engine {

struct CpmSchedule {
  Trace early;                       // early start / early finish
  std::vector<double> late_start, late_finish;
  std::vector<double> total_slack;   // working days of the task's calendar
  // On the longest path: the chain of driving predecessors back from the
  // project's last finish (as Primavera's "longest path"). With one calendar
  // this is exactly the zero-slack tasks; with mixed calendars (Mon–Fri
  // approvals, all-week construction) slack on the driving chain can be a
  // weekend, and this still names the chain that sets the finish date.
  std::vector<bool> critical;
  std::vector<double> project_finish;  // latest early finish of the project's tasks
};

// When work of `work` working days that may begin at `ready` starts and ends:
// the one rule the deterministic schedule and the engine share, so that they
// agree to the last bit.
struct Span {
  double start, finish;
};
inline Span work_span(const core::Calendar& cal, double ready, double work) {
  const double start = cal.next_working(ready);
  return {start, cal.finish(start, work)};
}

// When a successor joined by an overlap edge may start: the predecessor,
// started at `start`, is `fraction` of its `work` done.
inline double overlap_release(const core::Calendar& cal, double start, double fraction, double work) {
  return cal.finish(start, fraction * work);
}

// Deterministic working days still to do for task t.
double deterministic_work(const Network& net, std::uint32_t t);

CpmSchedule schedule_cpm(const Network& net);

}  // namespace kpsim::engine
