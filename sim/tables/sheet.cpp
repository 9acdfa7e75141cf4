#include "sim/tables/sheet.hpp"

#include <cmath>

namespace kpsim::tables {

Cell Cell::number(double x, int decimals) {
  if (std::isnan(x)) return {};
  return {Kind::number, {}, x, decimals, {}};
}

Cell Cell::share(double x, int percent_decimals) {
  if (std::isnan(x)) return {};
  return {Kind::share, {}, x, percent_decimals, {}};
}

}  // namespace kpsim::tables
