// What the commands share: output folder names, thread counts, and turning
// an unwritable --out into an input error.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "sim/model/scenario.hpp"

namespace kpsim::cli {

void print_warnings(std::ostream& err, const model::Scenario& sc);

// A directory name from a scenario's (or sweep's) name: keeps letters (also
// Chinese), digits, '-', '_' and '.', replaces the rest.
std::string directory_name(const std::string& name);

// `requested`, or all cores for 0.
int thread_count(int requested);
// `requested`, or for 0 the machine's cores shared among the MPI ranks on it
// (sweeps, drivers, calibrations).
int threads_per_rank(int requested);

// Runs `write`; a failure to write is the user's to fix (E-IO-003 at --out).
void write_or_fail(const std::string& dir, const std::function<void()>& write);

}  // namespace kpsim::cli
