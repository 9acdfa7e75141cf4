// What `run`, `compare`, `validate` and the Python module do before they
// write anything: a scenario read with its overlays, its forecast, and a
// base forecast against its variants'.
#pragma once

#include <deque>
#include <ostream>
#include <string>
#include <vector>

#include "sim/engine/network.hpp"
#include "sim/model/scenario.hpp"
#include "sim/report/compare.hpp"
#include "sim/report/monte_carlo.hpp"
#include "sim/run/replications.hpp"
#include "sim/tables/compare_tables.hpp"
#include "sim/tables/side_by_side.hpp"

namespace kpsim::cli {

// The scenario with its own policies and then the overlays applied; an
// overlay's `set:` values (calibrated.yaml) put in the scenario first.
model::Scenario load_with_policies(const std::string& path, const std::vector<std::string>& overlay_files);

// The forecast of one scenario: replications run, summarised and reduced. A
// warning goes to `err` when the system started fewer threads than asked.
report::MonteCarloForecast forecast(const model::Scenario& sc, const engine::Network& net,
                                    const run::ReplicationOptions& options, std::ostream& err);

// The base and each variant forecast with the same seed and replication
// numbers (common random numbers), and what `kpsim compare` writes and
// prints of them.
struct Compared {
  struct Forecast {
    model::Scenario scenario;
    engine::Network net;
    report::MonteCarloForecast mc;
    tables::ForecastView view() const { return {scenario, net, mc}; }
  };
  std::deque<Forecast> forecasts;  // the base first; a deque, so that views stay valid
  std::vector<report::Comparison> comparisons;  // the base against each variant
  std::vector<tables::Sheet> side_by_side;
  tables::CompareInfo info;

  std::vector<tables::ForecastView> variant_views() const;
};

Compared compare_scenarios(model::Scenario base, std::vector<model::Scenario> variants,
                           const run::ReplicationOptions& options, std::ostream& err);

}  // namespace kpsim::cli
