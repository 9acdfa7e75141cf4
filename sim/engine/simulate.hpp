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
};

// Per agency, over the horizon [0, horizon_days).
struct AgencyStats {
  double busy_work = 0;       // units × working days of service inside the horizon
  double queue_area = 0;      // ∫ queue length dt inside the horizon (calendar days)
  std::uint32_t max_queue = 0;
  double wait_sum = 0;        // working days from request to service, over requests served
  std::uint32_t served = 0;
  std::uint32_t limited = 0, over_limit = 0;  // served steps with a statutory limit; those over it
  double excess_sum = 0;      // working days beyond the limit, over those over it
};

// Everything one replication needs and produces. Sized once for a network
// and reused: simulate() clears it, it does not reallocate.
struct Replication {
  explicit Replication(const Network& net);

  Trace trace;
  std::vector<double> ready;   // when the task's predecessors had all finished
  std::vector<AgencyStats> agency;
  std::vector<std::uint32_t> risk_hits;  // per risk: how many tasks it struck
  std::uint64_t events = 0;    // events processed

  // Working state.
  std::vector<std::uint32_t> pending;
  std::vector<double> requested;   // when the current attempt asked for its resources
  std::vector<double> service_begin;  // when the current attempt's work began
  std::vector<double> extra_work;  // working days added by delay risks
  std::vector<std::uint8_t> attempt, rework;
  std::vector<double> factors;     // copula factors, all copulas' members in a row
  std::vector<int> free_units;
  std::vector<Waitlist> waitlists;
  std::vector<double> queue_changed;
  core::EventSet event_set;
  std::uint64_t request_seq = 0;
};

void simulate(const Network& net, std::uint64_t seed, std::uint32_t replication, const SimSettings& settings,
              Replication& rep);

}  // namespace kpsim::engine
