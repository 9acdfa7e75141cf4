// Names and dates that refer to something else in the scenario, checked
// where they are read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/date.hpp"
#include "sim/input/yaml_reader.hpp"
#include "sim/model/scenario.hpp"

namespace kpsim::input {

// A reference to a named thing: reports an unknown name with a suggestion
// (the id, when the display name in `names` was given instead).
std::optional<std::string> reference(const Value& v, const std::vector<std::string>& known, const char* what,
                                     const std::vector<std::string>& names = {});

// A date the calendar tables cover: the horizon plus 25 years.
std::optional<core::Date> date_in_tables(const Value& v, const model::Scenario& sc);

// Index of the project with this id, for a command-line option; throws
// model::InputError (with a suggestion) if none.
std::uint32_t find_project(const model::Scenario& sc, const std::string& id);

}  // namespace kpsim::input
