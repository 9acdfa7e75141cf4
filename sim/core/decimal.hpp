// Numbers as fixed-point text, the same in every file and table: no "-0.00",
// NaN as nothing.
#pragma once

#include <string>

namespace kpsim::core {

std::string decimal(double x, int decimals);
// The shortest text that reads back as exactly x (a value written into a
// scenario's text).
std::string shortest(double x);

}  // namespace kpsim::core
