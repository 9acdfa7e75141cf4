// One replication of the discrete-event simulation: agencies with capacity,
// calendars and queue disciplines, random durations from keyed streams.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/core/event_set.hpp"
#include "sim/engine/network.hpp"
#include "sim/engine/trace.hpp"
#include "sim/engine/waitlist.hpp"

namespace kpsim::engine {

struct SimSettings {
  // Durations at their deterministic value instead of drawn: with ample
  // capacity the engine then reproduces the CPM schedule exactly.
  bool deterministic = false;
  // Replay: each task's working days given (per task, first attempt), not
  // drawn — to feed another model's draws, as the reference-model test does.
  const std::vector<double>* replay_work = nullptr;
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

// Everything one replication needs and produces. Sized once for a network
// and reused: simulate() clears it, it does not reallocate.
struct Replication {
  explicit Replication(const Network& net);

  Trace trace;
  // The calendars as they were in this replication (with its lost days).
  std::vector<core::Calendar> calendars;
  std::vector<double> ready;   // when the task's predecessors had all finished
  // Per project in this replication: arrival slots get their day, size and land here.
  std::vector<double> project_ready, project_scale, project_land;
  std::vector<AgencyStats> agency;
  std::vector<double> agency_month_busy;  // [agency × months + month]: units × working days of service
  std::vector<std::uint32_t> risk_hits;  // per risk: how many tasks it struck
  std::vector<LandStats> land;
  std::uint64_t events = 0;    // events processed

  // Working state of a task, in one 64-byte record, so that an event
  // touches one cache line of it rather than one line in each of several
  // arrays (`trace` and `ready` are filled from it when the run ends).
  struct TaskState {
    double ready = 0;          // when the task's predecessors had all finished
    double start = 0, finish = 0;
    double requested = 0;      // when the current attempt asked for its resources
    double service_begin = 0;  // when the current attempt's work began
    double filed = -1;         // 受理: the first request of a step with a statutory limit (−1: none yet)
    std::uint32_t pending = 0; // predecessors still to finish
    std::uint8_t attempt = 0, rework = 0, waits_for_land = 0;
    std::uint8_t holding = 0, where = 0;
    std::uint32_t cold = 0;    // its TaskCold record in `cold`, 0 if none
  };
  // What only some tasks need: idle sites, statutory clocks, off-clock phases.
  struct TaskCold {
    double idle = 0;           // 开而不动: working days standing idle at the start
    double extra_work = 0;     // working days added by delay risks
    double clock_end = 0;      // when the current attempt's on-clock work ends
    double off_now = 0, off_done = 0;  // off-clock working days: current attempt, finished attempts
    double off_path = 0;       // off-clock days on the chain of driving predecessors, to its finish
  };
  std::vector<TaskState> state;
  std::vector<TaskCold> cold;            // a pool, made on first use; [0] is no record
  std::vector<std::uint32_t> cold_used;  // tasks that have one in this replication
  // Off-clock working days on the chain of driving predecessors up to the
  // task's finish: elapsed approval time minus this is statutory time.
  double off_path(std::uint32_t t) const { return state[t].cold ? cold[state[t].cold].off_path : 0.0; }
  std::vector<std::uint8_t> edge_released;  // per overlap edge (Network::overlap_edges): released its successor
  std::vector<double> factors;     // copula factors, all copulas' members in a row
  struct LandWait {
    std::uint64_t order;  // class bit (key_first pools), then request sequence
    std::uint32_t project;
  };
  std::vector<double> land_available;
  std::vector<std::vector<LandWait>> land_waiting;  // per pool; sorted into grant order on each release
  std::vector<std::uint8_t> land_state;     // per project: 0 not asked, 1 waiting, 2 granted
  std::vector<double> land_asked;           // per project
  std::vector<std::uint32_t> granted_scratch;
  std::vector<std::pair<double, std::uint32_t>> slot_starts;  // (day, task), sorted
  std::vector<std::int32_t> closed_scratch, month_days_scratch;
  std::vector<int> free_units;
  std::vector<Waitlist> waitlists;
  std::vector<double> queue_changed;
  std::vector<std::uint8_t> dispatch_due;  // per agency: a priority dispatch is scheduled
  core::EventSet event_set;
  std::uint64_t request_seq = 0;
};

void simulate(const Network& net, std::uint64_t seed, std::uint32_t replication, const SimSettings& settings,
              Replication& rep);

}  // namespace kpsim::engine
