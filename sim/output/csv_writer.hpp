// CSV cells and rows for the result files.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kpsim::output {

// Quoted when needed; text that a spreadsheet would run as a formula
// (=, +, -, @ first) is prefixed with ' so that it stays text.
std::string csv_text(std::string_view s);
// Fixed-point with `decimals`; NaN becomes an empty cell.
std::string csv_number(double x, int decimals = 6);

void write_csv_row(std::ostream& out, const std::vector<std::string>& cells);

}  // namespace kpsim::output
