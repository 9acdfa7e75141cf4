// `projects:` and `arrivals:` — the portfolio written inline in the
// scenario (the CSV list is read_projects_csv.hpp), and the streams of
// projects that may be signed during the horizon.
#pragma once

#include "sim/input/yaml_reader.hpp"
#include "sim/model/input_error.hpp"
#include "sim/model/scenario.hpp"

namespace kpsim::input {

// Reads after templates and land pools, which projects refer to.
void read_project(const Value& v, model::Scenario& scenario, model::Diagnostics& diag);
void read_arrival(const Value& v, model::Scenario& scenario);
// Linear in the projects: a portfolio may hold hundreds of thousands.
void check_unique_project_ids(const model::Scenario& scenario, model::Diagnostics& diag);

}  // namespace kpsim::input
