#include "sim/output/sheet_text.hpp"

#include <cmath>

#include "sim/output/text_table.hpp"

namespace kpsim::output {

using tables::Cell;

void print_sheet(std::ostream& out, const tables::Sheet& sheet) {
  std::vector<std::size_t> all(sheet.header.size());
  for (std::size_t c = 0; c < all.size(); ++c) all[c] = c;
  print_sheet(out, sheet, all);
}

void print_sheet(std::ostream& out, const tables::Sheet& sheet, const std::vector<std::size_t>& columns) {
  const std::vector<std::string>& names = sheet.labels.empty() ? sheet.header : sheet.labels;
  std::vector<std::pair<std::string, TextTable::Align>> head;
  for (std::size_t c : columns) {
    bool text = true;
    for (const auto& row : sheet.rows)
      if (c < row.size() && row[c].kind != Cell::Kind::empty) text = row[c].kind == Cell::Kind::text;
    head.emplace_back(names[c], text ? TextTable::Align::left : TextTable::Align::right);
  }
  TextTable t(std::move(head));
  for (const auto& row : sheet.rows) {
    std::vector<std::string> cells;
    for (std::size_t k : columns) {
      const Cell& c = row[k];
      switch (c.kind) {
        case Cell::Kind::empty: cells.emplace_back(); break;
        case Cell::Kind::text: cells.push_back(c.text); break;
        case Cell::Kind::number:
          cells.push_back(std::isnan(c.value) ? "" : fixed(c.value, c.shown >= 0 ? c.shown : c.decimals));
          break;
        case Cell::Kind::share: cells.push_back(fixed(c.value * 100, c.decimals) + "%"); break;
        case Cell::Kind::date: cells.push_back(c.date.iso()); break;
      }
    }
    t.add_row(std::move(cells));
  }
  t.print(out);
}

}  // namespace kpsim::output
