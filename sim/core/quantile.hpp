#pragma once

#include <vector>

namespace kpsim::core {

// The q-quantile (0 ≤ q ≤ 1) with linear interpolation between order
// statistics (Hyndman–Fan type 7, as R and NumPy default). `values` is
// sorted in place. NaN for an empty sample.
double quantile(std::vector<double>& values, double q);

}  // namespace kpsim::core
