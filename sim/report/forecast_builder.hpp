// Builds a forecast from replications as the runner hands them over: each
// summarised on the worker thread that ran it (its buffers are reused for
// the next one), the summaries reduced in replication order.
#pragma once

#include <vector>

#include "sim/engine/network.hpp"
#include "sim/model/scenario.hpp"
#include "sim/report/monte_carlo.hpp"
#include "sim/report/reducer.hpp"
#include "sim/report/replication_summary.hpp"
#include "sim/run/replications.hpp"

namespace kpsim::report {

class ForecastBuilder : public run::ReplicationSink {
 public:
  ForecastBuilder(const model::Scenario& scenario, const engine::Network& net);

  void take(std::size_t slot, const engine::Replication& rep) override;
  void absorb(std::size_t count) override;
  const std::vector<double>& monitored() const override { return reducer_.horizon(); }

  MonteCarloForecast finish(const run::ReplicationCount& count);

 private:
  const engine::Network& net_;
  ForecastReducer reducer_;
  std::vector<ReplicationSummary> slots_;
};

}  // namespace kpsim::report
