// A result table (tables::Sheet) as aligned terminal text: its workbook
// labels as the header, numbers and dates right-aligned.
#pragma once

#include <ostream>
#include <vector>

#include "sim/tables/sheet.hpp"

namespace kpsim::output {

void print_sheet(std::ostream& out, const tables::Sheet& sheet);
// Only these columns, in this order; money to the decimals a workbook shows.
void print_sheet(std::ostream& out, const tables::Sheet& sheet, const std::vector<std::size_t>& columns);

}  // namespace kpsim::output
