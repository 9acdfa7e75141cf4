// A result table (tables::Sheet) as aligned terminal text: its workbook
// labels as the header, numbers and dates right-aligned.
#pragma once

#include <ostream>

#include "sim/tables/sheet.hpp"

namespace kpsim::output {

void print_sheet(std::ostream& out, const tables::Sheet& sheet);

}  // namespace kpsim::output
