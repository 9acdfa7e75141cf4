#include "sim/output/sheet_text.hpp"

#include "sim/output/text_table.hpp"

namespace kpsim::output {

using tables::Cell;

void print_sheet(std::ostream& out, const tables::Sheet& sheet) {
  const std::vector<std::string>& names = sheet.labels.empty() ? sheet.header : sheet.labels;
  std::vector<std::pair<std::string, TextTable::Align>> columns;
  for (std::size_t c = 0; c < names.size(); ++c) {
    bool text = true;
    for (const auto& row : sheet.rows)
      if (c < row.size() && row[c].kind != Cell::Kind::empty) text = row[c].kind == Cell::Kind::text;
    columns.emplace_back(names[c], text ? TextTable::Align::left : TextTable::Align::right);
  }
  TextTable t(std::move(columns));
  for (const auto& row : sheet.rows) {
    std::vector<std::string> cells;
    for (const Cell& c : row) switch (c.kind) {
        case Cell::Kind::empty: cells.emplace_back(); break;
        case Cell::Kind::text: cells.push_back(c.text); break;
        case Cell::Kind::number: cells.push_back(fixed(c.value, c.decimals)); break;
        case Cell::Kind::share: cells.push_back(fixed(c.value * 100, c.decimals) + "%"); break;
        case Cell::Kind::date: cells.push_back(c.date.iso()); break;
      }
    t.add_row(std::move(cells));
  }
  t.print(out);
}

}  // namespace kpsim::output
