// Approval-reform policies as pure transforms of the scenario, applied in
// order: each sees the scenario as the previous ones left it.
#pragma once

#include <vector>

#include "sim/model/scenario.hpp"

namespace kpsim::policy {

// The scenario's own `policies`, then `overlays` (from --policy files).
// Throws model::InputError with every located error of the pass.
model::Scenario apply_policies(model::Scenario scenario, const std::vector<model::Policy>& overlays = {});

}  // namespace kpsim::policy
