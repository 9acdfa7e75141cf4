// How money is spent: spend curves inside construction steps.
#pragma once

#include <optional>

#include "sim/input/yaml_reader.hpp"
#include "sim/model/scenario.hpp"

namespace kpsim::input {

// `uniform`, `s_curve`, `front_loaded`, `back_loaded`, or {beta: [a, b]}.
std::optional<model::SpendCurve> read_spend_curve(const Value& v);

}  // namespace kpsim::input
