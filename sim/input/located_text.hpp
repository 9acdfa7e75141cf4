// A piece of input text with its location: a YAML scalar or a CSV cell.
// Field parsing works on this so both formats give the same checks and messages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/date.hpp"
#include "sim/model/input_error.hpp"

namespace kpsim::input {

struct Located {
  std::string text;
  model::SourceLoc loc;
};

std::optional<double> to_number(const Located& v, model::Diagnostics& diag);  // finite
std::optional<std::int64_t> to_integer(const Located& v, model::Diagnostics& diag);
std::optional<core::Date> to_date(const Located& v, model::Diagnostics& diag);
// One of `choices` (each with aliases: {"key", "重点"} maps both to "key").
std::optional<std::string> to_choice(const Located& v, const std::vector<std::vector<std::string>>& choices,
                                     model::Diagnostics& diag);

}  // namespace kpsim::input
