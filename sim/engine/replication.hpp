// What one replication publishes: when each task ran, what the agencies and
// land pools did, and the world it was drawn in. Reports read only this;
// the engine's own working state is in workspace.hpp (but for the plain
// engine's 4 bytes a task beside the task's times: Trace::PlainState).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/large_array.hpp"
#include "sim/engine/network.hpp"

namespace kpsim::engine {

// Times are days since the origin. A task finished before the start date has
// start = finish = 0 (Network::tasks[t].done_at_start says so); one that never
// ran (its project never got land, say) has start = finish = +infinity.
struct Trace {
  // The plain engine's working state of a task (event_loop.hpp, 4 bytes),
  // kept in the task's record of times rather than an array of its own:
  // a task that waits in a long queue is begun long after it became ready,
  // when its lines have left the cache, and its state and the times it
  // writes are then one miss, not two (RM-AP at 10⁶ projects: ×0.95,
  // bench/README.md "The eleventh step"). Not a result: reports never read
  // it, and the general engine leaves it alone.
  struct PlainState {
    std::uint32_t pending : 24 = 0;     // predecessors still to finish
    std::uint32_t where : 2 = 0;        // event_loop::Where
    std::uint32_t finished_in : 1 = 0;  // the parity of the run that last finished it
  };
  // A task's times in one record (half a line), written as they arise.
  struct alignas(32) Times {
    double ready = 0;  // when its predecessors had all finished
    double start = 0, finish = 0;
    PlainState plain;
    // Two runs agree when their times do (the plain state is the engine's).
    friend bool operator==(const Times& a, const Times& b) {
      return a.ready == b.ready && a.start == b.start && a.finish == b.finish;
    }
  };
  static_assert(sizeof(Times) == 32);
  core::LargeArray<Times> times;
  double ready(std::uint32_t t) const { return times[t].ready; }
  double start(std::uint32_t t) const { return times[t].start; }
  double finish(std::uint32_t t) const { return times[t].finish; }
  // What only a few tasks have, by task: working days at the start with no
  // progress and no spend (a stalled site, 开而不动), and the off-clock
  // working days on the chain of driving predecessors up to its finish
  // (elapsed approval time minus this is statutory time). A sorted list, not
  // an array per task: at a million tasks each array costs 8 bytes a task.
  struct Extra {
    std::uint32_t task = 0;
    double idle = 0, off_path = 0;
  };
  std::vector<Extra> extras;
  const Extra* extra_of(std::uint32_t t) const {
    const auto it = std::lower_bound(extras.begin(), extras.end(), t, [](const Extra& e, std::uint32_t x) { return e.task < x; });
    return it != extras.end() && it->task == t ? &*it : nullptr;
  }
};

// Per agency, over the horizon [0, horizon_days).
struct AgencyStats {
  double busy_work = 0;       // units × working days of service inside the horizon
  double queue_area = 0;      // ∫ queue length dt inside the horizon (calendar days)
  std::uint32_t max_queue = 0;
  double wait_sum = 0;        // working days from request to service, over requests served
  std::uint32_t served = 0;
  std::uint32_t limited = 0, over_limit = 0;  // served steps with a statutory limit; those over it
  double excess_sum = 0;      // statutory-clock working days beyond the limit, over those over it
  std::uint32_t deemed = 0;   // steps approved by default at their limit (超时默认)
};

// Per land pool, over the whole run.
struct LandStats {
  double granted_mu = 0;
  std::uint32_t grants = 0;
  double wait_sum = 0;           // days from asking to the grant, over grants
  std::uint32_t waiting_at_end = 0;  // projects never granted
};

// Sized once for a network and overwritten by each replication.
struct Replication {
  explicit Replication(const Network& net);

  Trace trace;
  double off_path_of(std::uint32_t t) const {
    const Trace::Extra* e = trace.extra_of(t);
    return e ? e->off_path : 0.0;
  }
  // The calendars as they were in this replication (with its lost days).
  std::vector<core::Calendar> calendars;
  std::vector<double> factors;  // copula factors, all copulas' members in a row
  // Per project in this replication: arrival slots get their day, size and land here.
  std::vector<double> project_ready, project_scale, project_land;
  std::vector<AgencyStats> agency;
  std::vector<double> agency_month_busy;  // [agency × months + month]: units × working days of service
  std::vector<std::uint32_t> risk_hits;   // per risk: how many tasks it struck
  std::vector<LandStats> land;
  std::uint64_t events = 0;    // events processed
  // Which replication this is: what the report needs to redraw the keyed
  // per-project restarts (restart.hpp) it integrates spend over.
  std::uint64_t seed = 0;
  std::uint32_t replication = 0;
  bool deterministic = false;
};

}  // namespace kpsim::engine
