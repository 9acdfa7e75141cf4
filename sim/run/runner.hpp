// The one replication runner: work units of (network, replications
// [first, first + count)) spread over threads, each thread reusing one
// engine::Simulator per network. Replication r of a seed always sees the same
// draws, whichever thread runs it, so results are identical for any thread
// count, and two networks run with the same seed share common random numbers.
// `kpsim run`, `compare` and `sweep` all run through here.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "sim/engine/network.hpp"
#include "sim/engine/simulate.hpp"
#include "sim/run/control.hpp"

namespace kpsim::run {

struct Unit {
  std::uint32_t network = 0;  // index into the networks given to run()
  std::uint32_t first = 0, count = 0;
};

// Called from worker threads: replication() for each replication of a unit in
// order, then unit_done() on the same thread. Calls for different units may
// run at the same time; each must touch only what belongs to its unit.
class UnitSink {
 public:
  virtual ~UnitSink() = default;
  virtual void replication(const Unit& unit, std::uint32_t index_in_unit, const engine::Replication& rep) = 0;
  virtual void unit_done(const Unit&) {}
};

struct RunnerSettings {
  int threads = 1;
  std::uint64_t seed = 1;
  engine::SimSettings sim;
  Control* control = nullptr;  // counts finished replications; a stop ends the run between units
};

class Runner {
 public:
  explicit Runner(const RunnerSettings& settings);
  ~Runner();

  // Runs every unit once. The first exception on any thread stops the
  // others (they finish the unit they are in) and is rethrown here; so does
  // Stopped once the control asks to stop. The threads' simulators are kept
  // for the next call. A thread the system
  // will not start (too many, or no memory for its stack) is done without:
  // the results are the same on fewer threads.
  void run(std::span<const engine::Network* const> networks, std::span<const Unit> units, UnitSink& sink);
  // The fewest threads any run() could start (≤ settings.threads).
  int threads_started() const { return threads_started_; }

 private:
  RunnerSettings settings_;
  int threads_started_;
  std::vector<std::unique_ptr<engine::Simulator>> simulators_;  // per thread
};

}  // namespace kpsim::run
