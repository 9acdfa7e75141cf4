// The variants of a sweep: every combination of the axes' values (grid), the
// axes' values taken together (zip), or the explicit list.
#pragma once

#include <string>
#include <vector>

#include "sim/model/sweep_spec.hpp"

namespace kpsim::sweep {

struct Assignment {
  std::size_t path = 0;  // index into Expansion::paths
  model::SweepValue value;
};

struct Variant {
  std::string id;     // v001, v002, … in sweep order
  std::string label;  // from the list, else its values ("to=60, quota=300")
  std::vector<Assignment> set;
};

struct Expansion {
  std::vector<std::string> paths;          // the swept paths: the output's axis columns
  std::vector<model::SourceLoc> path_locs;  // where each path is first written
  std::vector<Variant> variants;
};

Expansion expand(const model::SweepSpec& spec);

}  // namespace kpsim::sweep
