#pragma once

#include "sim/input/yaml_reader.hpp"
#include "sim/model/scenario.hpp"

namespace kpsim::input {

// `copulas:` — id → {by, members, matrix, loading}; the matrix must be a
// symmetric positive-definite correlation matrix (checked with a Cholesky
// factorisation).
void read_copulas(const Value& v, model::Scenario& scenario);

// `risks:` — a list of {id, name, on: {…}, probability, one effect, copula}.
// Templates and copulas must already be read.
void read_risks(const Value& v, model::Scenario& scenario);

}  // namespace kpsim::input
