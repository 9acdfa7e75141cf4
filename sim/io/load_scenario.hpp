// Reading a scenario file into a validated model::Scenario.
#pragma once

#include <string>

#include "sim/model/scenario.hpp"

namespace kpsim::io {

// Reads and validates; throws model::InputError with every error found.
// Warnings (e.g. holiday tables that end before the horizon) are returned in
// Scenario::warnings.
model::Scenario load_scenario(const std::string& path);

}  // namespace kpsim::io
