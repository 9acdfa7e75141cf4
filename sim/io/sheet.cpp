#include "sim/io/sheet.hpp"

#include <cmath>

#include "sim/io/csv_writer.hpp"

namespace kpsim::io {

Cell Cell::number(double x, int decimals) {
  if (std::isnan(x)) return {};
  return {Kind::number, {}, x, decimals, {}};
}

Cell Cell::share(double x, int percent_decimals) {
  if (std::isnan(x)) return {};
  return {Kind::share, {}, x, percent_decimals, {}};
}

void write_sheet_csv(std::ostream& out, const Sheet& sheet) {
  write_csv_row(out, sheet.header);
  std::vector<std::string> cells;
  for (const auto& row : sheet.rows) {
    cells.clear();
    for (const Cell& c : row) switch (c.kind) {
        case Cell::Kind::empty: cells.emplace_back(); break;
        case Cell::Kind::text: cells.push_back(csv_text(c.text)); break;
        case Cell::Kind::number: cells.push_back(csv_number(c.value, c.decimals)); break;
        case Cell::Kind::share: cells.push_back(csv_number(c.value, c.decimals + 2)); break;
        case Cell::Kind::date: cells.push_back(c.date.iso()); break;
      }
    write_csv_row(out, cells);
  }
}

}  // namespace kpsim::io
