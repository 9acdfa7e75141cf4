#pragma once

#include <string>

#include "sim/input/yaml_reader.hpp"
#include "sim/model/scenario.hpp"

namespace kpsim::input {

// `projects_csv: {file: F, columns: {表头: field, …}}` — the project list as
// exported from a spreadsheet. Columns are matched to project fields by the
// mapping, else by their own name; `done` holds step ids separated by ';'.
// Projects are appended to scenario.projects.
void read_projects_csv(const Value& v, const std::string& base_dir, model::Scenario& scenario);

}  // namespace kpsim::input
