// Each variant as a scenario: its values spliced into the base scenario's
// and overlays' source text at the addressed paths (so every other line and
// column stays where it was), read, its policies applied, compiled. All
// paths, value types and variants are checked before anything runs.
#pragma once

#include <string>
#include <vector>

#include "sim/model/sweep_spec.hpp"
#include "sim/sweep/expand.hpp"
#include "sim/sweep/scenario_edits.hpp"

namespace kpsim::sweep {

struct PreparedSweep {
  Expansion expansion;
  std::vector<PreparedVariant> variants;
  std::uint64_t sources_hash = 0;  // of the base and overlay files as read
  int replications = 1;
  std::uint64_t seed = 1;
};

// Throws model::InputError with every problem found.
PreparedSweep prepare_sweep(const model::SweepSpec& spec);

}  // namespace kpsim::sweep
