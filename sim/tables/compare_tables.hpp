// `kpsim compare`'s paired differences as workbook sheets: one per metric
// family (investment, share of plan, start rate, approval time, agency
// waits), every variant's rows in it, metric names in Chinese.
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
  std::vector<std::pair<std::string, std::string>> agency_names;  // (id, display name)
};

// A metric's name in Chinese (agencies by their display names).
std::string metric_label(const std::string& metric, const CompareInfo& info);
std::string agency_name(const CompareInfo& info, const std::string& id);

std::vector<Sheet> compare_sheets(const std::vector<report::Comparison>& comparisons, const CompareInfo& info);

}  // namespace kpsim::tables
