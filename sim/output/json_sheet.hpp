// A sheet as JSON rows keyed by its CSV header, numbers rounded as in the
// CSV: the tables of summary.json.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/tables/sheet.hpp"

namespace kpsim::output {

// Only `columns`, in that order, when given; every column otherwise.
nlohmann::ordered_json sheet_json(const tables::Sheet& sheet, const std::vector<std::string>& columns = {});

}  // namespace kpsim::output
