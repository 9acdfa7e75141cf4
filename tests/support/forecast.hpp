// A scenario's forecast, as `kpsim run` makes it: replications through the
// runner, summarised and reduced by the report.
#pragma once

#include "sim/engine/network.hpp"
#include "sim/model/scenario.hpp"
#include "sim/report/forecast_builder.hpp"
#include "sim/run/replications.hpp"

namespace kpsim::test {

inline report::MonteCarloForecast run_forecast(const model::Scenario& sc, const engine::Network& net,
                                               const run::ReplicationOptions& options) {
  report::ForecastBuilder builder(sc, net);
  const run::ReplicationCount count = run::run_replications(net, options, builder);
  return builder.finish(count);
}

}  // namespace kpsim::test
