// What a sweep keeps of each finished variant besides its rows: the
// per-replication series that paired differences against the reference
// variant are made from, and the few figures the console's results table
// shows. Saved beside the rows (.partial/<id>.pairs), so that a resumed or
// multi-rank sweep computes the same differences.
#pragma once

#include <string>
#include <vector>

#include "sim/model/scenario.hpp"
#include "sim/report/compare.hpp"
#include "sim/report/monte_carlo.hpp"

namespace kpsim::sweep {

struct VariantOutcome {
  std::vector<report::PairedSeries> series;  // report::paired_series
  double share_of_plan = report::kNever;  // year to date at the last quarter's end over the plan, mean
  double start_rate = report::kNever;     // cumulative at the horizon's end
  double approval_days = report::kNever;  // from the start date or entry, elapsed, mean
  std::string bottleneck;                 // the busiest agency's name
  double bottleneck_utilisation = 0;
  int targets_at_risk = 0;                // targets missed with at least the at-risk probability
};

VariantOutcome variant_outcome(const model::Scenario& sc, const report::MonteCarloForecast& mc);

// Exact round trip: doubles as their shortest exact text.
std::string outcome_text(const VariantOutcome& o);
VariantOutcome outcome_from_text(const std::string& text);

}  // namespace kpsim::sweep
