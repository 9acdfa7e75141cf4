// `kpsim psplib`'s answers: the makespans of one instance, or each rule's
// deviations over a folder, on the terminal and as CSV.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "sim/run/psplib_study.hpp"

namespace kpsim::output {

void print_psplib_study(std::ostream& out, const run::PsplibStudy& study, const std::string& source, bool folder);
// Per instance and rule: makespan, critical path and bounds.
void write_psplib_csv(const std::filesystem::path& path, const run::PsplibStudy& study);

}  // namespace kpsim::output
