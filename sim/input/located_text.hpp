// A piece of input text with its location: a YAML scalar or a CSV cell.
// Field parsing works on this so both formats give the same checks and messages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/date.hpp"
#include "sim/model/input_error.hpp"

namespace kpsim::input {

struct Located {
  std::string text;
  model::SourceLoc loc;
};

// Numbers as spreadsheets write them, where the field allows: "12,500"
// (thousands separators, always), "30%" (a share: 0.3, with `percent`),
// "5.0亿元" (the unit after the number, when it is `unit`).
struct NumberForm {
  bool percent = false;
  std::string_view unit;
};
std::optional<double> to_number(const Located& v, model::Diagnostics& diag, const NumberForm& form = {});  // finite
std::optional<std::int64_t> to_integer(const Located& v, model::Diagnostics& diag);
// YYYY-MM-DD, and as spreadsheets write dates: 2026/9/30, 2026-9-30,
// 2026.9.30, 2026年9月30日. A date that does not exist (2026-02-30) says so.
std::optional<core::Date> to_date(const Located& v, model::Diagnostics& diag);
// One of `choices` (each with aliases: {"key", "重点"} maps both to "key").
std::optional<std::string> to_choice(const Located& v, const std::vector<std::vector<std::string>>& choices,
                                     model::Diagnostics& diag);

}  // namespace kpsim::input
