// `templates:` — each template's approval, land, preparation and
// construction steps, with their agencies, calendars, durations, statutory
// clocks and precedence.
#pragma once

#include "sim/input/yaml_reader.hpp"
#include "sim/model/scenario.hpp"

namespace kpsim::input {

// Reads after calendars and agencies, which steps refer to.
void read_templates(const Value& v, model::Scenario& scenario);

}  // namespace kpsim::input
