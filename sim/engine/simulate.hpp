// One replication of the discrete-event simulation: agencies with capacity,
// calendars and queue disciplines, random durations from keyed streams.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "sim/engine/network.hpp"
#include "sim/engine/replication.hpp"

namespace kpsim::engine {

struct SimSettings {
  // Durations at their deterministic value instead of drawn: with ample
  // capacity the engine then reproduces the CPM schedule exactly.
  bool deterministic = false;
  // Replay: each task's working days given (per task, first attempt), not
  // drawn — to feed another model's draws, as the reference-model test does.
  const std::vector<double>* replay_work = nullptr;
  // Run the engine compiled for every network even on a plain one (see
  // Simulator::plain): the tests hold the two against each other.
  bool general_engine = false;
};

struct Workspace;  // the engine's private state (workspace.hpp)

// Runs replications of one network, one after another, reusing its buffers:
// one per thread. The network must outlive it.
class Simulator {
 public:
  explicit Simulator(const Network& net);
  ~Simulator();
  Simulator(Simulator&&) noexcept;
  Simulator& operator=(Simulator&&) noexcept;

  // Replication `replication` of the seed's draws; the result is valid
  // until the next call.
  const Replication& run(std::uint64_t seed, std::uint32_t replication, const SimSettings& settings = {});
  const Replication& result() const { return result_; }
  const Network& network() const { return *net_; }
  // The network uses none of the engine's rarer machinery (risks, land,
  // statutory limits, off-clock phases, overlaps, work under way, restarts,
  // priority or key-first queues, several resources a step), so its
  // replications run on the engine compiled without them: the same results.
  bool plain() const { return plain_; }
  // Memory of the per-task buffers (results and working state), for the
  // memory-per-task benchmark.
  std::size_t task_bytes() const;

 private:
  const Network* net_;
  bool plain_;
  Replication result_;
  std::unique_ptr<Workspace> work_;
};

// One replication on fresh buffers, for one-off schedules and tests.
Replication simulate(const Network& net, std::uint64_t seed, std::uint32_t replication, const SimSettings& settings = {});

}  // namespace kpsim::engine
