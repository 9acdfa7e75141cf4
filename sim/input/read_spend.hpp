// How money is spent: spend curves inside construction steps, and what a
// project's investment buys (投资构成) and when.
#pragma once

#include <optional>

#include "sim/input/yaml_reader.hpp"
#include "sim/model/scenario.hpp"

namespace kpsim::input {

// `uniform`, `s_curve`, `front_loaded`, `back_loaded`, or {beta: [a, b]}.
std::optional<model::SpendCurve> read_spend_curve(const Value& v);

// composition: {equipment: PART, other: PART}, PART = {share, with | at |
// spread, calendar, curve}; its steps are checked against the template's.
model::Composition read_composition(const Value& v, const model::Template& t, const model::Scenario& sc);

}  // namespace kpsim::input
