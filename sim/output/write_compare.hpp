// The result of `kpsim compare` in the output directory: compare.csv (one row per variant × metric × period),
// compare.json, the side-by-side tables (side_by_side.hpp) as CSV files, and
// report.xlsx (a sheet per metric — investment, start rate, approval time,
// agency waits — then the side-by-side sheets), written together or not at all.
#pragma once

#include <filesystem>
#include <ostream>
#include <vector>

#include "sim/output/result_folder.hpp"
#include "sim/report/compare.hpp"
#include "sim/tables/compare_tables.hpp"
#include "sim/tables/sheet.hpp"

namespace kpsim::output {

using tables::CompareInfo;

// compare.csv alone.
void write_compare_csv(std::ostream& csv, const std::vector<report::Comparison>& comparisons);

void write_compare(ResultFolder& out, const std::vector<report::Comparison>& comparisons,
                   const std::vector<tables::Sheet>& side_by_side, const CompareInfo& info);

}  // namespace kpsim::output
