#include "sim/report/forecast_builder.hpp"

namespace kpsim::report {

ForecastBuilder::ForecastBuilder(const model::Scenario& scenario, const engine::Network& net)
    : net_(net), reducer_(scenario, net), slots_(static_cast<std::size_t>(kBlock)) {}

void ForecastBuilder::take(std::size_t slot, const engine::Replication& rep) {
  summarise(net_, reducer_.basis(), rep, slots_[slot]);
}

void ForecastBuilder::absorb(std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) reducer_.add(slots_[i]);
}

MonteCarloForecast ForecastBuilder::finish(const run::ReplicationCount& count) {
  MonteCarloForecast mc = reducer_.finish(make_periods(net_.origin, net_.horizon_days));
  mc.blocks = count.rounds;
  mc.converged = count.converged;
  return mc;
}

}  // namespace kpsim::report
