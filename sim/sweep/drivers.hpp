// What each risk, reviewer and step is worth: the scenario run once more per
// driver — a risk removed (probability 0), an agency with one more reviewer,
// a template step at its P10 duration — each paired with the base on common
// random numbers, and ranked by the gain in the first calendar year's
// investment (and in key projects started), with paired 90% intervals.
// With risks, one more variant removes them all: its gain against the sum
// of the single-risk gains is their interaction (docs/drivers.md).
//
// The variants are a sweep (a list of values at paths, spliced into the
// scenario's text), so they run as sweeps do: over threads and MPI ranks,
// resumable, through the one runner; the drivers table is made from the
// sweep's paired differences.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/model/sweep_spec.hpp"
#include "sim/report/sensitivity.hpp"
#include "sim/sweep/run_sweep.hpp"
#include "sim/tables/sheet.hpp"

namespace kpsim::sweep {

struct DriverChoice {
  bool risks = true, agencies = true, steps = false;
};

struct Driver {
  report::DriverKind kind = report::DriverKind::risk;
  std::string id, name;
  std::string change;  // "概率 0.25 → 0", "审批人员 2 → 3", "工期取P10 12.3"
};

struct DriversPlan {
  model::SweepSpec spec;        // variant 1 (v001) is the base, then one per driver, then all risks removed
  std::vector<Driver> drivers;  // drivers[i] is variant i + 2
  bool all_risks = false;       // the last variant removes every risk together
  std::string money_unit;
};

// Reads the scenario and its overlays (throws model::InputError, located).
DriversPlan plan_drivers(const std::string& scenario, const std::vector<std::string>& overlays, const DriverChoice& choice,
                         std::optional<int> replications, std::optional<std::uint64_t> seed);

// drivers.csv (风险驱动因素): a row per driver, the biggest gain first; then
// all risks removed, the sum of the single risks' gains and the interaction.
tables::Sheet drivers_sheet(const DriversPlan& plan, const SweepSummary& summary);

}  // namespace kpsim::sweep
