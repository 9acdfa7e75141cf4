// A PSPLIB study's inputs: the instance files of a folder (or one file) in
// PSPLIB's order, each read with its known bounds.
#pragma once

#include <string>
#include <vector>

#include "sim/input/psplib_bounds.hpp"
#include "sim/model/rcpsp.hpp"

namespace kpsim::input {

struct PsplibCase {
  model::RcpspInstance instance;
  PsplibBound bound;
};

struct PsplibFiles {
  std::vector<std::string> files;  // by parameter group, then instance (j301_1, j301_2, …)
  bool folder = false;
  std::string bounds_folder;       // DIR/../bounds if it exists, else DIR/bounds
};

// Throws model::InputError (E-PSP-010) for a folder without .sm files.
PsplibFiles find_psplib_files(const std::string& path, const std::string& bounds_override = "");

// Every file read first, so that a malformed one fails before any scheduling.
std::vector<PsplibCase> load_psplib_cases(const PsplibFiles& files);

}  // namespace kpsim::input
