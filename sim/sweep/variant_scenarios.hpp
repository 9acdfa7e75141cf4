// Each variant as a scenario: its values spliced into the base scenario's
// and overlays' source text at the addressed paths (so every other line and
// column stays where it was), read, its policies applied, compiled. All
// paths, value types and variants are checked before anything runs; a
// variant is then prepared again when it runs, so that a sweep holds only
// the variants its threads are running, however many it has.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/model/sweep_spec.hpp"
#include "sim/sweep/expand.hpp"
#include "sim/sweep/scenario_edits.hpp"

namespace kpsim::sweep {

class PreparedSweep {
 public:
  Expansion expansion;
  std::uint64_t sources_hash = 0;  // of the base and overlay files as read
  int replications = 1;
  std::uint64_t seed = 1;
  std::size_t reference = 0;  // the variant the others are differenced against
  std::string money_unit;     // the base scenario's
  std::optional<double> annual_plan;  // the base scenario's (its first variant's)

  // Variant v, ready to run. Throws model::InputError (which the checks of
  // prepare_sweep rule out).
  PreparedVariant variant(std::size_t v) const;

 private:
  friend PreparedSweep prepare_sweep(const model::SweepSpec& spec, int threads);
  std::shared_ptr<const ScenarioEdits> edits_;
  std::vector<EditTarget> targets_;
};

// Throws model::InputError with every problem found. Each variant is read
// and compiled once to check it, on `threads` threads, and not kept.
PreparedSweep prepare_sweep(const model::SweepSpec& spec, int threads = 1);

}  // namespace kpsim::sweep
