// Reading a scenario file into a validated model::Scenario.
#pragma once

#include <string>

#include "sim/model/scenario.hpp"

namespace kpsim::input {

// Reads and validates; throws model::InputError with every error found.
// Warnings (e.g. holiday tables that end before the horizon) are returned in
// Scenario::warnings.
model::Scenario load_scenario(const std::string& path);
// The same for text in memory (fuzzing, tests); files it names (holidays, a
// project CSV) are looked up beside `path`.
model::Scenario load_scenario_text(const std::string& text, const std::string& path);

}  // namespace kpsim::input
