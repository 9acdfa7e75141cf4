// What `kpsim compare` prints, per variant: the planner's answer read off
// the screen — investment and share of plan by quarter with paired
// intervals, start rate, approval time, the targets still missed and those
// fixed, and the agencies ranked as bottlenecks, with Chinese names.
#pragma once

#include <ostream>
#include <vector>

#include "sim/report/compare.hpp"
#include "sim/tables/compare_tables.hpp"
#include "sim/tables/side_by_side.hpp"

namespace kpsim::output {

// `comparisons[i]` is the base against `variants[i]`.
void print_compare_tables(std::ostream& out, const std::vector<report::Comparison>& comparisons,
                          const tables::ForecastView& base, const std::vector<tables::ForecastView>& variants,
                          const tables::CompareInfo& info);

}  // namespace kpsim::output
