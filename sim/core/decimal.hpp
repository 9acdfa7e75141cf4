// Numbers as fixed-point text, the same in every file and table: no "-0.00",
// NaN as nothing.
#pragma once

#include <string>

namespace kpsim::core {

std::string decimal(double x, int decimals);

}  // namespace kpsim::core
