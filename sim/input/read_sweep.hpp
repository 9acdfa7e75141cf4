// The sweep file (YAML), read with located errors:
//   kpsim: 1
//   sweep: NAME
//   base: SCENARIO.yaml          # relative to the sweep file
//   policies: [OVERLAY.yaml, …]  # optional policy overlays
//   replications: N              # default: the base's
//   seed: S                      # default: the base's
//   block: B                     # replications per work unit (default 50)
//   combine: grid | zip | list   # default grid
//   axes: {PATH: [V, …], …}      # grid and zip
//   variants: [{label: L, set: {PATH: V, …}}, …]   # list
#pragma once

#include <string>

#include "sim/model/sweep_spec.hpp"

namespace kpsim::input {

// Throws model::InputError.
model::SweepSpec load_sweep(const std::string& path);
// The same for text already in memory; `path` names it (and relative files are found beside it).
model::SweepSpec load_sweep_text(const std::string& text, const std::string& path);

}  // namespace kpsim::input
