// Many replications of one network, in blocks, handed to a sink in
// replication order: the Monte Carlo loop of `kpsim run` and `compare`.
// Blocks bound what is held at once; their size does not depend on the
// thread count, so neither does anything computed from them.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "sim/engine/network.hpp"
#include "sim/engine/replication.hpp"
#include "sim/run/control.hpp"

namespace kpsim::run {

struct ReplicationOptions {
  int replications = 100;
  std::uint64_t seed = 1;
  int threads = 1;
  bool deterministic = false;  // durations at their most likely value (then one replication suffices)
  // Keep adding rounds of `replications` until the mean and P90 of the
  // sink's monitored value move by less than this (relative) between rounds.
  std::optional<double> until_converged;
  int max_rounds = 100;
  Control* control = nullptr;  // progress and stop, for a caller on another thread
  bool total_counted = false;  // the caller has put the first round in control's total (several forecasts in one)
};

struct ReplicationCount {
  int replications = 0;
  int rounds = 1;             // > 1 when run until converged
  bool converged = false;     // until_converged: settled before the cap
  int threads = 1;            // threads the system let the runner start
};

// take() is called on worker threads with a slot in [0, kBlock); absorb()
// on the calling thread once the slots [0, count) hold the next `count`
// replications, in order.
class ReplicationSink {
 public:
  static constexpr int kBlock = 64;
  virtual ~ReplicationSink() = default;
  virtual void take(std::size_t slot, const engine::Replication& rep) = 0;
  virtual void absorb(std::size_t count) = 0;
  // One value per replication absorbed so far (the horizon's investment):
  // what until_converged watches.
  virtual const std::vector<double>& monitored() const = 0;
};

ReplicationCount run_replications(const engine::Network& net, const ReplicationOptions& options, ReplicationSink& sink);

}  // namespace kpsim::run
