#pragma once

#include <optional>

#include "sim/core/distribution.hpp"
#include "sim/input/yaml_reader.hpp"

namespace kpsim::input {

// A duration in working days: a plain number (fixed) or one of
//   {fixed: v} {uniform: [a, b]} {triangular: [min, mode, max]}
//   {pert: [min, mode, max]} {lognormal: {median: m, p90: x}}
//   {lognormal: {mu: m, sigma: s}} {lognormal: {mean: m, sd: s}}
//   {exponential: {mean: m}}
// Parameters are checked (non-negative, ordered, positive spread).
std::optional<core::Distribution> read_distribution(const Value& v);

}  // namespace kpsim::input
