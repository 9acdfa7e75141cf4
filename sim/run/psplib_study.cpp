#include "sim/run/psplib_study.hpp"

#include <algorithm>
#include <chrono>


namespace kpsim::run {
namespace {

double deviation(int makespan, int reference) { return 100.0 * (makespan - reference) / reference; }

RuleStats stats_of(const std::string& name, const std::vector<InstanceResult>& results, std::size_t column, bool best) {
  RuleStats s;
  s.rule = name;
  for (const InstanceResult& r : results) {
    const int m = best ? *std::min_element(r.makespan.begin(), r.makespan.end()) : r.makespan[column];
    if (r.bound.optimum) {
      const double d = deviation(m, *r.bound.optimum);
      ++s.against_optimum;
      s.optimal += m == *r.bound.optimum;
      s.mean_dev_optimum += d;
      s.max_dev_optimum = std::max(s.max_dev_optimum, d);
    }
    if (r.bound.best_known) {
      const double d = deviation(m, *r.bound.best_known);
      ++s.against_best_known;
      s.mean_dev_best_known += d;
      s.max_dev_best_known = std::max(s.max_dev_best_known, d);
    }
    if (r.critical_path > 0) {
      const double d = deviation(m, r.critical_path);
      s.mean_dev_cpm += d;
      s.max_dev_cpm = std::max(s.max_dev_cpm, d);
    }
  }
  if (s.against_optimum) s.mean_dev_optimum /= static_cast<double>(s.against_optimum);
  if (s.against_best_known) s.mean_dev_best_known /= static_cast<double>(s.against_best_known);
  if (!results.empty()) s.mean_dev_cpm /= static_cast<double>(results.size());
  return s;
}

}  // namespace

PsplibStudy run_psplib_study(const std::vector<input::PsplibCase>& cases, const std::vector<engine::PriorityRule>& rules) {
  const auto begin = std::chrono::steady_clock::now();
  PsplibStudy study;
  study.rules = rules;
  for (const input::PsplibCase& c : cases) {
    InstanceResult r;
    r.name = c.instance.name;
    r.jobs = static_cast<int>(c.instance.jobs.size());
    r.critical_path = engine::critical_path_length(c.instance);
    r.bound = c.bound;
    for (engine::PriorityRule rule : rules) r.makespan.push_back(engine::schedule_rcpsp(c.instance, rule).makespan);
    study.instances.push_back(std::move(r));
  }
  for (std::size_t k = 0; k < rules.size(); ++k)
    study.stats.push_back(stats_of(std::string(engine::rule_name(rules[k])), study.instances, k, false));
  if (rules.size() > 1) study.stats.push_back(stats_of("best", study.instances, 0, true));
  study.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  return study;
}

}  // namespace kpsim::run
