#include "sim/report/psplib_study.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>

#include "sim/io/read_psplib.hpp"

namespace kpsim::report {
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

PsplibStudy run_psplib_study(const std::vector<std::string>& files, const std::vector<engine::PriorityRule>& rules,
                             const std::string& bounds_folder) {
  const auto begin = std::chrono::steady_clock::now();
  PsplibStudy study;
  study.rules = rules;
  std::map<std::string, std::map<std::pair<int, int>, io::PsplibBound>> bounds;  // per set
  for (const std::string& file : files) {
    const model::RcpspInstance inst = io::load_psplib(file);
    InstanceResult r;
    r.name = inst.name;
    r.jobs = static_cast<int>(inst.jobs.size());
    r.critical_path = engine::critical_path_length(inst);
    if (auto name = io::parse_psplib_name(inst.name)) {
      if (!bounds.count(name->set)) bounds[name->set] = io::load_psplib_bounds(bounds_folder, name->set);
      const auto& b = bounds[name->set];
      if (auto it = b.find({name->parameter, name->instance}); it != b.end()) r.bound = it->second;
    }
    for (engine::PriorityRule rule : rules) r.makespan.push_back(engine::schedule_rcpsp(inst, rule).makespan);
    study.instances.push_back(std::move(r));
  }
  for (std::size_t k = 0; k < rules.size(); ++k)
    study.stats.push_back(stats_of(std::string(engine::rule_name(rules[k])), study.instances, k, false));
  if (rules.size() > 1) study.stats.push_back(stats_of("best", study.instances, 0, true));
  study.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  return study;
}

}  // namespace kpsim::report
