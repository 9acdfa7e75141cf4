// Accumulates replication summaries, in replication order, into a forecast.
// Feeding the same summaries in the same order gives the same forecast to
// the last bit, however the replications were spread over threads or ranks.
#pragma once

#include <memory>
#include <vector>

#include "sim/model/scenario.hpp"
#include "sim/report/monte_carlo.hpp"
#include "sim/report/replication_summary.hpp"

namespace kpsim::report {

class ForecastReducer {
 public:
  ForecastReducer(const model::Scenario& scenario, const engine::Network& net);
  ~ForecastReducer();
  ForecastReducer(ForecastReducer&&) noexcept;
  ForecastReducer& operator=(ForecastReducer&&) noexcept;

  void add(const ReplicationSummary& s);
  const ReportingBasis& basis() const;
  const std::vector<double>& horizon() const;  // each replication's investment in the horizon so far
  MonteCarloForecast finish(Periods periods);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Mean, P10, P50 and P90 of a sample (NaN when empty).
Distribution3 describe(std::vector<double> v);

}  // namespace kpsim::report
