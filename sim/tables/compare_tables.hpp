// `kpsim compare`'s paired differences as workbook sheets: one per metric
// family (investment, start rate, approval time, agency waits), every
// variant's rows in it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/report/compare.hpp"
#include "sim/tables/sheet.hpp"

namespace kpsim::tables {

// What every compare table says it was computed with.
struct CompareInfo {
  std::uint64_t seed = 0;
  int replications = 0;
  std::string money_unit;
};

std::vector<Sheet> compare_sheets(const std::vector<report::Comparison>& comparisons, const CompareInfo& info);

}  // namespace kpsim::tables
