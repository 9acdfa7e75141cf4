// PSPLIB instances scheduled by kpsim's engine: each renewable resource an
// agency with its capacity, each job a step holding its demands, one
// dispatcher ranking waiting jobs by a classic priority rule and starting,
// at every moment something finishes, each that fits in rank order — the
// parallel schedule-generation scheme.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/model/rcpsp.hpp"
#include "sim/model/scenario.hpp"

namespace kpsim::engine {

enum class PriorityRule {
  lft,   // latest finish time first
  lst,   // latest start time first
  mts,   // most total successors first
  grpw,  // greatest rank positional weight (own duration + immediate successors') first
  spt,   // shortest processing time first
  mslk,  // minimum slack first
};

const std::vector<std::pair<std::string, PriorityRule>>& priority_rules();
std::string_view rule_name(PriorityRule r);

// Per job (index = number − 1): lower ranks go first; ties by job number.
std::vector<double> job_ranks(const model::RcpspInstance& inst, PriorityRule rule);

// The instance as a scenario: calendar every day, one project, one step per job.
model::Scenario rcpsp_scenario(const model::RcpspInstance& inst, const std::vector<double>& ranks);

struct RcpspSchedule {
  std::vector<int> start;  // per job (index = number − 1)
  int makespan = 0;
};

RcpspSchedule schedule_rcpsp(const model::RcpspInstance& inst, PriorityRule rule);

// Why a schedule breaks a precedence or a capacity; nullopt if it does not.
std::optional<std::string> infeasibility(const model::RcpspInstance& inst, const std::vector<int>& start);

// The critical-path length, ignoring resources: a lower bound.
int critical_path_length(const model::RcpspInstance& inst);

}  // namespace kpsim::engine
