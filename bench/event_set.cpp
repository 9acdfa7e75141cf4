// The classic hold model: pop the earliest event, schedule one a random
// (exponential) time later, at a steady pending count N. Compares binary and
// 4-ary heaps and the radix heap with std::priority_queue as the baseline.
#include <benchmark/benchmark.h>

#include <cmath>
#include <queue>

#include "sim/core/event_set.hpp"
#include "sim/core/rng.hpp"

namespace {

using kpsim::core::Event;

template <class Set>
void hold(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  Set set;
  set.reserve(n + 1);
  kpsim::core::RngStream rng(42);
  // Increments drawn up front so that the loop measures the event set alone.
  std::vector<double> step(4096);
  for (double& x : step) x = -std::log(rng.uniform());
  for (std::size_t i = 0; i < n; ++i) set.schedule(step[i % step.size()] * 2, 0, static_cast<std::uint32_t>(i));
  std::size_t k = 0;
  for (auto _ : state) {
    const Event e = set.pop();
    set.schedule(e.time + step[k++ & 4095], e.kind, e.target);
  }
  state.SetItemsProcessed(state.iterations());
}

struct StdQueue {
  struct Later {
    bool operator()(const Event& a, const Event& b) const { return kpsim::core::before(b, a); }
  };
  std::priority_queue<Event, std::vector<Event>, Later> q;
  std::uint64_t seq = 0;
  void reserve(std::size_t) {}
  void schedule(double t, std::uint16_t kind, std::uint32_t target) { q.push({t, (1ull << 56) | seq++, target, kind}); }
  Event pop() {
    Event e = q.top();
    q.pop();
    return e;
  }
};

void BM_EventSetHold_Binary(benchmark::State& s) { hold<kpsim::core::DaryEventSet<2>>(s); }
void BM_EventSetHold_Quaternary(benchmark::State& s) { hold<kpsim::core::DaryEventSet<4>>(s); }
void BM_EventSetHold_Octonary(benchmark::State& s) { hold<kpsim::core::DaryEventSet<8>>(s); }
void BM_EventSetHold_Radix(benchmark::State& s) { hold<kpsim::core::RadixEventSet>(s); }
void BM_EventSetHold_StdPriorityQueue(benchmark::State& s) { hold<StdQueue>(s); }

BENCHMARK(BM_EventSetHold_Binary)->Arg(100)->Arg(10000)->Arg(100000)->Arg(1000000);
BENCHMARK(BM_EventSetHold_Quaternary)->Arg(100)->Arg(10000)->Arg(100000)->Arg(1000000);
BENCHMARK(BM_EventSetHold_Octonary)->Arg(100)->Arg(10000)->Arg(100000)->Arg(1000000);
BENCHMARK(BM_EventSetHold_Radix)->Arg(100)->Arg(10000)->Arg(100000)->Arg(1000000);
BENCHMARK(BM_EventSetHold_StdPriorityQueue)->Arg(100)->Arg(10000)->Arg(100000)->Arg(1000000);

}  // namespace
