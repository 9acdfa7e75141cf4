// 法定全流程审批时限: a template's statutory full-process total — the sum of
// the statutory limits along the chain of approval and land steps that sets
// when construction may begin, as planners quote it ("120 working days").
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "sim/model/scenario.hpp"

namespace kpsim::model {

// A step's statutory working days: its limit, else its most likely on-clock
// duration; 0 for preparation (the owner's work) and construction.
double statutory_days(const Step& s);

struct StatutoryTotal {
  double days = 0;
  std::vector<std::size_t> chain;  // step indices on the longest chain, first to last
};

// The longest chain, by statutory days, through the steps construction waits
// for (an overlap 容缺受理 lets a step begin at its fraction of the
// predecessor). `weight` replaces statutory_days (a step counted 0 is left
// out, as a step done or skipped); a cycle counts as no chain.
StatutoryTotal statutory_total(const Template& t, const std::function<double(std::size_t)>& weight = {});

// The same for a project: its steps done at the start or skipped count 0
// (what is left of the procedure at the start date).
StatutoryTotal statutory_remaining(const Template& t, const Project& p);

}  // namespace kpsim::model
