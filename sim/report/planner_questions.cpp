#include "sim/report/planner_questions.hpp"

#include <algorithm>

namespace kpsim::report {

double miss_probability(const ProjectStats& s, Target t) {
  return t == Target::start ? s.p_start_target_missed : s.p_completion_target_missed;
}

std::uint32_t held_task(const ProjectStats& s, Target t) {
  return t == Target::start ? s.held_start_task : s.held_completion_task;
}

double held_share(const ProjectStats& s, Target t) {
  return t == Target::start ? s.held_start_share : s.held_completion_share;
}

bool at_risk(const ProjectStats& s, Target t, double threshold) { return miss_probability(s, t) >= threshold; }

std::vector<TargetAtRisk> targets_at_risk(const MonteCarloForecast& mc, double threshold) {
  std::vector<TargetAtRisk> out;
  for (std::uint32_t p = 0; p < mc.projects.size(); ++p)
    for (Target t : {Target::start, Target::completion})
      if (at_risk(mc.projects[p], t, threshold)) out.push_back({p, t, miss_probability(mc.projects[p], t)});
  std::stable_sort(out.begin(), out.end(), [](const TargetAtRisk& a, const TargetAtRisk& b) { return a.p_miss > b.p_miss; });
  return out;
}

std::vector<std::size_t> agencies_busiest_first(const MonteCarloForecast& mc) {
  std::vector<std::size_t> order(mc.agencies.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](auto a, auto b) { return mc.agencies[a].utilisation > mc.agencies[b].utilisation; });
  return order;
}

}  // namespace kpsim::report
