#include "sim/output/csv_sheet.hpp"

#include "sim/output/csv_writer.hpp"

namespace kpsim::output {

using tables::Cell;

void write_sheet_csv(std::ostream& out, const tables::Sheet& sheet) {
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

}  // namespace kpsim::output
