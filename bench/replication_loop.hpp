// The timed loop of the engine benchmarks: replication after replication of
// one network on one Simulator, reported as events per second. The first
// replication is run before the timing: a run of many replications pays
// its full reset once (the plain engine then restores its states as it
// goes), and at a portfolio's size a benchmark times one replication only.
#pragma once

#include <benchmark/benchmark.h>

#include <cstdint>

#include "sim/engine/simulate.hpp"

namespace kpsim::bench {

inline void time_replications(benchmark::State& state, engine::Simulator& sim, std::uint64_t seed) {
  const engine::Replication& rep = sim.result();
  std::uint64_t events = 0;
  std::uint32_t r = 0;
  sim.run(seed, r++);  // untimed
  for (auto _ : state) {
    sim.run(seed, r++);
    events += rep.events;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
  state.counters["events_per_replication"] = static_cast<double>(rep.events);
  state.counters["tasks"] = sim.network().task_count();
  state.counters["ns_per_event"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

}  // namespace kpsim::bench
