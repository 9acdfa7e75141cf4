// PSPLIB instances scheduled under each priority rule, against the known
// optimum (or best known makespan) and the critical-path lower bound.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/engine/rcpsp.hpp"
#include "sim/input/psplib_files.hpp"

namespace kpsim::run {

struct InstanceResult {
  std::string name;
  int jobs = 0, critical_path = 0;
  input::PsplibBound bound;
  std::vector<int> makespan;  // per rule, in the order of the study's rules
};

struct RuleStats {
  std::string rule;        // a rule's name, or "best" (the best rule per instance)
  std::size_t against_optimum = 0, optimal = 0;
  double mean_dev_optimum = 0, max_dev_optimum = 0;      // % above the optimum
  std::size_t against_best_known = 0;
  double mean_dev_best_known = 0, max_dev_best_known = 0;
  double mean_dev_cpm = 0, max_dev_cpm = 0;              // % above the critical path
};

struct PsplibStudy {
  std::vector<engine::PriorityRule> rules;
  std::vector<InstanceResult> instances;
  std::vector<RuleStats> stats;  // one per rule, then "best"
  double seconds = 0;            // scheduling, all instances and rules
};

PsplibStudy run_psplib_study(const std::vector<input::PsplibCase>& cases, const std::vector<engine::PriorityRule>& rules);

}  // namespace kpsim::run
