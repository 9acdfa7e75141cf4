#include "sim/tables/sheet.hpp"

#include <cmath>

namespace kpsim::tables {

Cell Cell::number(double x, int decimals) {
  if (std::isnan(x)) return {};
  return {Kind::number, {}, x, decimals, {}, -1, nullptr};
}

Cell Cell::money(double x) {
  Cell c = number(x, 6);
  c.shown = 2;
  return c;
}

Cell Cell::share(double x, int percent_decimals) {
  if (std::isnan(x)) return {};
  return {Kind::share, {}, x, percent_decimals, {}, -1, nullptr};
}

}  // namespace kpsim::tables
