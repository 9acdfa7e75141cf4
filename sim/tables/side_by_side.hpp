// For `kpsim compare`: the planner's questions asked of the base and of each
// variant side by side — which projects still miss their targets (and what
// holds them), which agency is the bottleneck, how many key projects are
// still in procedures at each quarter's end.
#pragma once

#include <vector>

#include "sim/engine/network.hpp"
#include "sim/tables/sheet.hpp"
#include "sim/model/scenario.hpp"
#include "sim/report/monte_carlo.hpp"

namespace kpsim::tables {

// One scenario's forecast with what it was computed from.
struct ForecastView {
  const model::Scenario& scenario;
  const engine::Network& net;
  const report::MonteCarloForecast& mc;
};

// Sheets (with CSV names) matching projects and agencies by id, with each
// variant's change against the base: the targets whose probability of being
// missed reaches the base scenario's `report.at_risk` threshold in the base
// or in any variant (still missed, fixed, new; worst first in the last
// variant), the agencies ranked by utilisation (the bottleneck first in the
// last variant), key projects not yet started per quarter. `short_labels`:
// variant columns say 方案 instead of the variant's policies (one variant on
// a terminal).
std::vector<Sheet> side_by_side_sheets(const ForecastView& base, const std::vector<ForecastView>& variants,
                                       bool short_labels = false);

}  // namespace kpsim::tables
