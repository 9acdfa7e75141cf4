// The planner's questions answered once, for every table, the console and
// the comparisons: which targets are likely to be missed and which agency is
// the bottleneck.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/report/monte_carlo.hpp"

namespace kpsim::report {

enum class Target : std::uint8_t { start, completion };

// NaN when the project has no such target.
double miss_probability(const ProjectStats& stats, Target target);
// The step that most often held the project when it missed the target
// (ProjectResult::kNoTask if none), and the share of misses it held.
std::uint32_t held_task(const ProjectStats& stats, Target target);
double held_share(const ProjectStats& stats, Target target);
// Missed with probability `threshold` or more.
bool at_risk(const ProjectStats& stats, Target target, double threshold);

struct TargetAtRisk {
  std::uint32_t project = 0;
  Target target = Target::start;
  double p_miss = 0;
};

// Every target missed with probability `threshold` or more, most likely
// missed first; ties in project order, a start before a completion.
std::vector<TargetAtRisk> targets_at_risk(const MonteCarloForecast& mc, double threshold);

// Agency indices, busiest (highest utilisation) first; ties in scenario order.
std::vector<std::size_t> agencies_busiest_first(const MonteCarloForecast& mc);

}  // namespace kpsim::report
