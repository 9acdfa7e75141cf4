// A sheet as a CSV file.
#pragma once

#include <ostream>

#include "sim/tables/sheet.hpp"

namespace kpsim::output {

// Numbers with their decimals, shares as fractions with decimals + 2, dates
// ISO; text quoted as needed and kept from running as a formula.
void write_sheet_csv(std::ostream& out, const tables::Sheet& sheet);

}  // namespace kpsim::output
