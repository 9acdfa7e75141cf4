// What one schedule (deterministic or one replication) did: when each task
// started and finished. Indexed by task.
#pragma once

#include <vector>

namespace kpsim::engine {

// Times are days since the origin. A task finished before the start date has
// start = finish = 0 (Network::tasks[t].done_at_start says so); one that never
// ran (its project never got land, say) has start = finish = +infinity.
struct Trace {
  std::vector<double> start, finish;
  // Working days at the start of the task with no progress and no spend
  // (a stalled site, 开而不动); empty means none anywhere.
  std::vector<double> idle;
};

}  // namespace kpsim::engine
