// A single-mode resource-constrained project scheduling instance (PSPLIB's
// `.sm` files): jobs with durations, successors and demands on renewable
// resources of constant capacity.
#pragma once

#include <string>
#include <vector>

#include "sim/model/input_error.hpp"

namespace kpsim::model {

struct RcpspJob {
  int number = 0;                 // 1-based; job 1 is the supersource, the last the supersink
  int duration = 0;
  std::vector<int> successors;    // job numbers
  std::vector<int> demand;        // one per resource
  std::vector<SourceLoc> demand_loc;
  SourceLoc loc;
};

struct RcpspInstance {
  std::string name, file;
  std::vector<RcpspJob> jobs;     // jobs[i].number == i + 1
  std::vector<int> capacity;      // per renewable resource
  int mpm_time = 0;               // the critical-path length the file states (a lower bound)
};

}  // namespace kpsim::model
