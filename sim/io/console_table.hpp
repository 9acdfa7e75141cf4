// What `kpsim run` prints: the quarterly investment table.
#pragma once

#include <ostream>

#include "sim/model/scenario.hpp"
#include "sim/report/forecast.hpp"

namespace kpsim::io {

void print_quarterly_table(std::ostream& out, const model::Scenario& scenario, const report::Forecast& forecast);

}  // namespace kpsim::io
