// Result tables as an Excel workbook (libxlsxwriter): one sheet per table,
// numbers as numbers with their decimals, shares as percentages, dates as
// dates, text as text (never a formula, whatever it begins with).
#pragma once

#include <filesystem>
#include <ostream>
#include <vector>

#include "sim/tables/sheet.hpp"

namespace kpsim::output {

// Writes the workbook's bytes to `out`. The bytes depend only on the sheets
// (the document's creation time is fixed), so runs can be compared.
// libxlsxwriter works in files: they go in `scratch_dir` (the output
// directory, so that a full /tmp does not fail a run) and are removed.
// Throws std::runtime_error if libxlsxwriter fails.
void write_xlsx(std::ostream& out, const std::vector<tables::Sheet>& sheets, const std::filesystem::path& scratch_dir);

}  // namespace kpsim::output
